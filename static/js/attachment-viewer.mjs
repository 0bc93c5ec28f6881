// The attachment viewer of the officer's case page: an image or a PDF shown inside the page, beside the answers.
// Without JavaScript the "View" links open the file itself. PDFs are drawn by pdf.js from our own static files
// (static/vendor/pdfjs, see its README); nothing is loaded from elsewhere and nothing here is inline.

const MAX_PAGES = 30;
const viewer = document.getElementById("attachment-viewer");

let pdfjs = null;
async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = await import(viewer.dataset.pdfjs);
    pdfjs.GlobalWorkerOptions.workerSrc = viewer.dataset.worker;
  }
  return pdfjs;
}

function status(text) {
  viewer.querySelector(".attachment-viewer-status").textContent = text;
}

function open(name) {
  viewer.hidden = false;
  viewer.querySelector("#attachment-viewer-title").textContent = name;
  viewer.querySelector(".attachment-viewer-body").replaceChildren();
  viewer.focus();
}

function showImage(url, name) {
  const image = document.createElement("img");
  image.src = url;
  image.alt = name;
  image.className = "attachment-image";
  viewer.querySelector(".attachment-viewer-body").append(image);
  status("");
}

async function showPdf(url, name) {
  const messages = viewer.querySelector(".attachment-viewer-status").dataset;
  status(messages.loading);
  try {
    const library = await loadPdfjs();
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const data = new Uint8Array(await response.arrayBuffer());
    const pdf = await library.getDocument({ data, isEvalSupported: false }).promise;
    const body = viewer.querySelector(".attachment-viewer-body");
    const width = Math.min(body.clientWidth || 800, 900);
    for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES); number += 1) {
      const page = await pdf.getPage(number);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      const canvas = document.createElement("canvas");
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.className = "attachment-page";
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `${name}: ${messages.page} ${number} / ${pdf.numPages}`);
      body.append(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
    }
    status(`${messages.page} 1–${Math.min(pdf.numPages, MAX_PAGES)} / ${pdf.numPages}`);
    viewer.dataset.rendered = String(Math.min(pdf.numPages, MAX_PAGES));
  } catch (error) {
    status(messages.failed);
  }
}

if (viewer) {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.attachment-view");
    if (link) {
      event.preventDefault();
      open(link.dataset.name);
      viewer.dataset.rendered = "";
      if (link.dataset.kind === "image") showImage(link.href, link.dataset.name);
      else showPdf(link.href, link.dataset.name);
      return;
    }
    if (event.target.closest("[data-viewer-close]")) {
      viewer.hidden = true;
      viewer.querySelector(".attachment-viewer-body").replaceChildren();
    }
  });
}

// A page that opens with a document to read (the draft letter before it is sent) shows it at once.
if (viewer && viewer.dataset.open) {
  const link = document.querySelector(`a.attachment-view[href="${viewer.dataset.open}"]`);
  if (link) link.click();
}
