/* Show or hide the questions of a wizard page as the answers on it change.
   Comfort only: the server evaluates the same conditions from the form definition and ignores hidden answers.
   Without this script every question of the page is shown. */
(function () {
  "use strict";
  var conditionsNode = document.getElementById("step-conditions");
  var form = document.querySelector("form.wizard-form");
  if (!conditionsNode || !form) { return; }
  var conditions = JSON.parse(conditionsNode.textContent);
  var answersNode = document.getElementById("step-answers");
  var otherSteps = answersNode ? JSON.parse(answersNode.textContent) || {} : {};
  var step = form.getAttribute("data-step");

  // How an answer is read, by the field type's `data-kind` (formdefs/types: FieldKind.script_kind).
  var READ = {
    text: function (values) { return values.length ? values[0] : null; },
    list: function (values) { return values; },
    boolean: function (values) {
      if (!values.length) { return null; }
      return values[0] === "true" || values[0] === "on" ? true : (values[0] === "false" ? false : values[0]);
    }
  };

  function pageValue(name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    if (!inputs.length) { return undefined; }
    var kind = inputs[0].getAttribute("data-kind");
    var values = [];
    inputs.forEach(function (input) {
      if (input.type === "checkbox") {
        if (input.checked) { values.push(input.value); } else if (kind === "boolean") { values.push("false"); }
      } else if (input.type === "radio") {
        if (input.checked) { values.push(input.value); }
      } else if (input.tagName === "SELECT" && input.multiple) {
        Array.prototype.forEach.call(input.selectedOptions, function (o) { values.push(o.value); });
      } else {
        values.push(input.value);
      }
    });
    return (READ[kind] || READ.text)(values);
  }

  function valueOf(path, rowPrefix) {
    var parts = path.split(".");
    if (parts[0] !== step) { return (otherSteps[parts[0]] || {})[parts[1]]; }
    if (parts.length === 3) { return rowPrefix ? pageValue(rowPrefix + parts[2]) : undefined; }
    return pageValue(parts[1]);
  }

  function blank(value) {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);
  }

  function same(value, constant) {
    if (Array.isArray(value)) { return value.some(function (v) { return same(v, constant); }); }
    if (blank(value)) { return constant === null; }
    return String(value) === String(constant);
  }

  function compare(value, op, constant) {
    if (blank(value)) { return false; }
    var a = typeof constant === "number" ? parseFloat(value) : String(value);
    if (typeof a === "number" && isNaN(a)) { return false; }
    return { gt: a > constant, ge: a >= constant, lt: a < constant, le: a <= constant }[op];
  }

  function evaluate(condition, rowPrefix) {
    if (!condition) { return true; }
    if ("not" in condition) { return !evaluate(condition.not, rowPrefix); }
    if ("all" in condition) { return condition.all.every(function (c) { return evaluate(c, rowPrefix); }); }
    if ("any" in condition) { return condition.any.some(function (c) { return evaluate(c, rowPrefix); }); }
    var value = valueOf(condition.field, rowPrefix);
    if ("equals" in condition) { return same(value, condition.equals); }
    if ("in" in condition) { return condition["in"].some(function (c) { return same(value, c); }); }
    if ("is_set" in condition) { return !blank(value) === condition.is_set; }
    var ops = ["gt", "ge", "lt", "le"];
    for (var i = 0; i < ops.length; i += 1) {
      if (ops[i] in condition) { return compare(value, ops[i], condition[ops[i]]); }
    }
    return true;
  }

  function rowPrefixOf(node) {
    var input = node.querySelector("[name]");
    var match = input && /^(.+-\d+-)/.exec(input.getAttribute("name"));
    return match ? match[1] : null;
  }

  function apply() {
    Object.keys(conditions).forEach(function (key) {
      form.querySelectorAll('[data-answer="' + key + '"]').forEach(function (node) {
        var show = evaluate(conditions[key], key.indexOf(".") > 0 ? rowPrefixOf(node) : null);
        node.hidden = !show;
      });
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  apply();
}());
