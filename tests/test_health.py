import pytest


@pytest.mark.django_db
def test_health_endpoint_reports_the_database(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
