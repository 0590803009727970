"""The minimal login core the other domains' tests rely on."""

from tests.factories import login


def test_login_me_and_wrong_password(app, make_user) -> None:
    user = make_user("helper")
    c = app.test_client()
    assert c.get("/api/me").status_code == 401
    assert c.post("/api/auth/login", json={"username": user.username,
                                           "password": "not the password"}).status_code == 401
    login(c, user)
    me = c.get("/api/me").get_json()
    assert (me["username"], me["role"]) == (user.username, "helper")
