"""The framework-ceiling view is served only when the benchmark switch is on."""

from django.test import RequestFactory

from motcua.benchdata.views import hello


def test_hello_is_not_served_without_the_bench_switch(client, db):
    assert client.get("/bench/hello").status_code == 404


def test_hello_answers_without_touching_the_database():
    response = hello(RequestFactory().get("/bench/hello"))
    assert (response.status_code, response.content) == (200, b"hello")
