"""`flask dossier demo`."""

from __future__ import annotations

from api.dossier import service


def test_demo_fills_a_dossier_for_the_demo_client_once(app, make_user) -> None:
    runner = app.test_cli_runner()
    assert runner.invoke(args=["dossier", "demo"]).exit_code != 0  # no demo accounts yet
    make_user("staff", username="demo-staff")
    client = make_user("client", username="demo-client")
    result = runner.invoke(args=["dossier", "demo"])
    assert result.exit_code == 0, result.output
    view = service.client_view(client)
    assert len(view["timeline"]) == 4 and len(view["tasks"]) == 2
    assert view["contact"]["name"] == "Sanne"
    assert view["timeline"][0]["kind"] == "court_date"  # the future hearing is newest
    again = runner.invoke(args=["dossier", "demo"])
    assert again.exit_code == 0 and "already" in again.output
    assert len(service.client_view(client)["timeline"]) == 4


def test_demo_is_refused_in_production(app, make_user) -> None:
    make_user("staff", username="demo-staff")
    make_user("client", username="demo-client")
    app.config["PRODUCTION"] = True
    try:
        result = app.test_cli_runner().invoke(args=["dossier", "demo"])
    finally:
        app.config["PRODUCTION"] = False
    assert result.exit_code != 0 and "production" in result.output
