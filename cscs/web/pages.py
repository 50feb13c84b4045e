"""The explorer's pages: search, firm, provenance, rubrics, population, SPARQL.

Handlers gather plain data (from the API, the shipped queries and ``queries/web-*.rq``)
and hand it to a template; they never build HTML from graph values themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from pyoxigraph import NamedNode

from cscs.api import LookupError_
from cscs.extract.identifiers import normalize_name, parse_firm_id
from cscs.graph.namespaces import ID
from cscs.graph.queries import load

from . import charts, scoring, source, sparql
from .app import Explorer, HTTPError, Request, Response, route
from .render import ENTERPRISE, short, url

SEARCH_LIMIT = 25
ROLE_ORDER = ["LegalRepresentative", "Chairman", "Director", "IndependentDirector", "GeneralManager",
              "SeniorManager", "Supervisor", "ActualController"]
POSITIVE_KINDS = {"VolunteerService", "Donation", "RedList", "Honour"}
EXAMPLE_QUERY = """PREFIX cscs: <https://w3id.org/cscs/ns#>
PREFIX rov: <http://www.w3.org/ns/regorg#>
SELECT ?firm ?name (COUNT(?record) AS ?records)
WHERE {
  ?firm a cscs:Enterprise ; rov:legalName ?name .
  ?record cscs:subject ?firm .
}
GROUP BY ?firm ?name
ORDER BY DESC(?records)
LIMIT 20"""


def _day(request: Request, name: str = "as_of") -> date:
    text = request.arg(name).strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPError(400, f"not a date (YYYY-MM-DD): {text}") from None


def rubric_model(app: Explorer, iri: str) -> scoring.Rubric:
    return app.cached(("rubric", iri), lambda: scoring.load_rubric(app.graph, iri))  # type: ignore[return-value]


def rubric_iri(app: Explorer, ref: str, day: date) -> str:
    try:
        return app.graph.rubric(ref or None, day)
    except LookupError_ as exc:
        raise HTTPError(404, str(exc)) from None


@route(r"/")
def home(app: Explorer, request: Request) -> Response:
    documents = len(app.graph.documents())
    return app.render("home.html", documents=documents, rubrics=app.graph.rubrics().rows)


# -- search ------------------------------------------------------------------------
@dataclass
class Hit:
    firm: str
    name: str | None
    uscc: str | None
    matched: str
    total: float | None = None
    grade: str | None = None


def find(app: Explorer, text: str) -> list[Hit]:
    """Firms by code (USCC, organisation code, registration number), name or person."""
    graph, hits = app.graph, {}
    ident = parse_firm_id(text)
    codes = [ident.value] if ident and ident.kind != "other" else []
    if ident and ident.org_code and ident.kind == "uscc":
        codes.append(ident.org_code)
    for code in codes:
        for r in graph.query(load("firm-by-code"), code=code):
            hits.setdefault(str(r["firm"]), Hit(str(r["firm"]), r["name"], r["uscc"], f"code {code}"))
    name = normalize_name(text)
    if name and not hits:  # a code that found its firm is not also searched as a name
        for r in graph.query(load("firm-by-name"), text=name):
            hits.setdefault(str(r["firm"]), Hit(str(r["firm"]), r["name"], r["uscc"], "name"))
        for r in graph.query(load("web-person-firms"), text=name):
            hit = hits.setdefault(str(r["firm"]), Hit(str(r["firm"]), r["name"], r["uscc"], ""))
            if not hit.matched or hit.matched.startswith("person"):
                role = scoring.local(r["role"])
                hit.matched = (hit.matched + "; " if hit.matched else "person ") + f"{r['personName']} ({role})"
    canonical: dict[str, Hit] = {}
    for hit in hits.values():  # an alias node resolved to a firm shows as that firm
        canonical.setdefault(graph.find_firm(hit.firm), hit).firm = graph.find_firm(hit.firm)
    return list(canonical.values())


@route(r"/search")
def search(app: Explorer, request: Request) -> Response:
    q = request.arg("q").strip()[:200]
    day = _day(request)
    results = find(app, q) if q else []
    truncated = len(results) > SEARCH_LIMIT
    results = results[:SEARCH_LIMIT]
    if results:
        rubric = rubric_iri(app, "", day)
        for hit in results:
            (s,) = app.graph.score(hit.firm, day, rubric)
            hit.total, hit.grade = s.total, s.grade
    return app.render("search.html", q=q, results=results, truncated=truncated, as_of=day)


# -- firm --------------------------------------------------------------------------
@dataclass
class Firm:
    iri: str
    name: str | None
    uscc: str | None
    other_names: list[str]
    identifiers: list[tuple[str, str]]
    fails: list[str]


@dataclass
class Person:
    person: str
    name: str | None
    role: str
    start: date | None
    end: date | None


def describe_firm(app: Explorer, iri: str) -> tuple[Firm, list[Person]]:
    rows = app.graph.query(load("firm"), firm=NamedNode(iri)).rows
    if not rows:
        raise HTTPError(404, f"no firm {iri}")
    values: dict[str, list[str]] = {}
    people: dict[tuple, Person] = {}
    for r in rows:
        if r["property"]:  # each document repeats what it says about the firm: keep one of each
            found = values.setdefault(short(r["property"]), [])
            if str(r["value"]) not in found:
                found.append(str(r["value"]))
        if r["person"]:
            role = scoring.local(r["role"])
            key = (r["person"], role, r["start"], r["end"])
            people[key] = Person(str(r["person"]), r["personName"], role, r["start"], r["end"])
    names = sorted(values.get("legalName", []))
    codes = [("organisation code", c) for c in values.get("organizationCode", [])] + \
            [("registration number", c) for c in values.get("registrationNumber", [])] + \
            [("masked code", c) for c in values.get("maskedCode", [])]
    uscc = sorted(values.get("uscc", [None]))[0]  # type: ignore[list-item]
    firm = Firm(iri, names[0] if names else None, uscc, names[1:], codes, values.get("failsCheck", []))
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    personnel = sorted(people.values(), key=lambda p: (order.get(p.role, 99), p.name or "", str(p.start)))
    return firm, personnel


@dataclass
class Event:
    day: date
    what: str
    record: scoring.FirmRecord


def events(records: list[scoring.FirmRecord]) -> list[Event]:
    out: dict[tuple, Event] = {}
    for r in records:
        for day, what in ((r.valid_from, "listed"), (r.removed_on, "removed"), (r.repaired_on, "repaired"),
                          (r.valid_until, "expired")):
            if day is not None:
                out.setdefault((day, what, r.record), Event(day, what, r))
    return sorted(out.values(), key=lambda e: (e.day, e.record.record, e.what))


def timeline_rows(records: list[scoring.FirmRecord]) -> list[tuple]:
    rows, seen = [], set()
    for r in sorted(records, key=lambda r: (r.valid_from, r.record)):
        if r.record in seen:
            continue
        seen.add(r.record)
        ends = [(d, why) for d, why in ((r.removed_on, "removed"), (r.repaired_on, "repaired"),
                                        (r.valid_until, "expired")) if d is not None]
        stop, why = min(ends) if ends else (None, "")
        rows.append((f"{r.kind}" + (f" via {r.person_name}" if r.person else ""), r.valid_from, stop, why,
                     url("/record", iri=r.record), r.kind not in POSITIVE_KINDS))
    return rows


def tree(score: scoring.FirmScore) -> list[dict]:
    """Categories, their sub-categories and indicators, with points summed upwards."""
    rubric, out = score.rubric, []
    for cat in score.categories:
        subs = []
        for sub in sorted(rubric.children(cat.node), key=lambda n: n.notation):
            inds = [i for i in score.indicators if i.node.broader == sub.iri]
            subs.append({"node": sub, "points": sum(i.points for i in inds), "max": sum(i.node.max for i in inds),
                         "indicators": inds})
        out.append({"node": cat.node, "points": cat.points, "max": cat.max, "subs": subs})
    return out


@route(r"/firm/(?P<key>[^/]+)")
def firm_page(app: Explorer, request: Request) -> Response:
    key = unquote(request.params["key"])
    try:
        iri = app.graph.find_firm(node(ENTERPRISE + key).value)
    except LookupError_ as exc:
        raise HTTPError(404, str(exc)) from None
    except HTTPError:
        raise HTTPError(404, "no such firm") from None
    day = _day(request)
    model = rubric_model(app, rubric_iri(app, request.arg("rubric"), day))
    firm, personnel = describe_firm(app, iri)
    records = scoring.firm_records(app.graph, iri)
    score = scoring.score(app.graph, model, iri, records, day)
    today = date.today()
    end = max(day, today)
    points = scoring.history(app.graph, model, iri, records, end)
    party = app.graph.query(load("web-party-state"), firm=NamedNode(iri)).rows
    start = min([r.valid_from for r in records] + [model.effective_from or day, day])
    return app.render(
        "firm.html", firm=firm, score=score, rubrics=app.graph.rubrics().rows, tree=tree(score),
        sunburst=charts.sunburst(score, lambda n: f"#ind-{n}"),
        events=events(records), timeline=charts.timeline(timeline_rows(records), start, end, day),
        history=points, history_chart=charts.history(points, end, model.total),
        personnel=personnel, party=party)


# -- provenance ------------------------------------------------------------------------
def node(iri: str) -> NamedNode:
    """An IRI from a request; a malformed one is the client's error."""
    try:
        return NamedNode(iri)
    except ValueError:
        raise HTTPError(400, f"not an IRI: {iri}") from None


def record_properties(app: Explorer, iri: str) -> list[tuple[str, str, str | None]]:
    rows = app.graph.query(load("web-record"), record=node(iri)).rows
    if not rows:
        raise HTTPError(404, f"no record {iri}")
    return [(short(r["property"]), str(r["value"]), r["label"]) for r in rows]


def linking(app: Explorer, props: dict[str, str], labels: dict[str, str | None], firm: str | None) -> list[str]:
    """How the record reached its subject and, through it, the firm."""
    subject = props.get("subject", "")
    lines = []
    kind, ident = props.get("linkIdentifierType"), props.get("linkIdentifier")
    if kind and kind != "name" and ident:
        valid = props.get("linkIdentifierValid")
        lines.append(f"The document names its subject by {kind} {ident}"
                     + (" — which fails its check character, so the link rests on a code with a typo"
                        if valid == "false" else "") + ".")
    else:
        lines.append("The document names its subject by name only (no code).")
    lines.append(f"The record's subject is {labels.get('subject') or subject}.")
    resolved = app.graph.query("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?c WHERE { "
                               "VALUES ?s { UNDEF } ?s cscs:resolvedTo ?c }", s=NamedNode(subject)).rows \
        if subject.startswith(str(ID)) else []
    for r in resolved:
        lines.append(f"That node was resolved to {r['c']} (the same entity).")
    if firm and subject and not subject.startswith(ENTERPRISE):
        rows = app.graph.query(load("firm"), firm=NamedNode(firm)).rows
        roles = sorted({scoring.local(r["role"]) for r in rows
                        if r["person"] and (r["person"] == subject or any(x["c"] == r["person"] for x in resolved))})
        if roles:
            lines.append("It reaches the firm through this person's post(s) there: " + ", ".join(roles) + ".")
    return lines


@route(r"/record")
def record_page(app: Explorer, request: Request) -> Response:
    iri = request.arg("iri")
    firm = request.arg("firm") or None
    props_list = record_properties(app, iri)
    props = {name: value for name, value, _ in props_list}
    labels = {name: label for name, _, label in props_list}
    doc_iri = props.get("wasDerivedFrom")
    if not doc_iri:
        raise HTTPError(404, "the record names no source document")
    try:
        doc = source.document(app.graph, doc_iri)
    except source.MissingDocument as exc:
        raise HTTPError(404, str(exc)) from None
    place = source.Place.from_properties(props)
    excerpt = source.excerpt(doc, place)
    image_url = None
    if doc.is_pdf and doc.state in ("ok", "changed") and place.page is not None:
        image_url = f"/record/page.png?iri={iri}"
    subject = props.get("subject", "")
    if not firm and subject.startswith(ENTERPRISE):
        firm = subject
    return app.render("record.html", record=iri, kind=props.get("recordKind", ""), doc=doc, place=place,
                      excerpt=excerpt, image_url=image_url, firm=firm,
                      subject_label=labels.get("subject") or subject,
                      linking=linking(app, props, labels, firm), properties=props_list)


@route(r"/record/page\.png")
def record_image(app: Explorer, request: Request) -> Response:
    iri = request.arg("iri")
    props = {name: value for name, value, _ in record_properties(app, iri)}
    try:
        doc = source.document(app.graph, props.get("wasDerivedFrom", ""))
    except source.MissingDocument as exc:
        raise HTTPError(404, str(exc)) from None
    if not doc.is_pdf or doc.state not in ("ok", "changed") or not doc.path:
        raise HTTPError(404, "no PDF page to show: the source is not a PDF or the file is gone")
    place = source.Place.from_properties(props)
    span = None
    if place.char_start is not None:
        span = source.excerpt(doc, place).span or None
    png = source.page_image(Path(doc.path), place, span)
    return Response(png, content_type="image/png", headers=[("Cache-Control", "max-age=600")])


# -- rubrics -----------------------------------------------------------------------
def rubric_by_id(app: Explorer, ref: str) -> scoring.Rubric:
    return rubric_model(app, rubric_iri(app, ref, date.today()))


@route(r"/rubrics")
def rubrics(app: Explorer, request: Request) -> Response:
    return app.render("rubrics.html", rubrics=app.graph.rubrics().rows)


@route(r"/rubric/(?P<id>[^/]+)")
def rubric_page(app: Explorer, request: Request) -> Response:
    model = rubric_by_id(app, unquote(request.params["id"]))
    return app.render("rubric.html", rubric=model, nodes=sorted(model.nodes, key=lambda n: _notation_key(n.notation)))


def _notation_key(notation: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in notation.split("."))


@route(r"/compare")
def compare(app: Explorer, request: Request) -> Response:
    rows = app.graph.rubrics().rows
    if not rows:
        raise HTTPError(404, "no rubric in the graph")
    a = rubric_by_id(app, request.arg("a") or str(rows[0]["id"]))
    b = rubric_by_id(app, request.arg("b") or str(rows[-1]["id"]))
    day = _day(request)
    firm_text = request.arg("firm").strip()
    firm = score_a = score_b = None
    if firm_text:
        try:
            iri = app.graph.find_firm(firm_text)
        except LookupError_ as exc:
            raise HTTPError(404, str(exc)) from None
        firm = describe_firm(app, iri)[0]
        records = scoring.firm_records(app.graph, iri)
        score_a, score_b = scoring.score(app.graph, a, iri, records, day), scoring.score(app.graph, b, iri, records, day)

    def points(score: scoring.FirmScore | None) -> dict[str, float]:
        if score is None:
            return {}
        out = {i.node.iri: i.points for i in score.indicators}
        for cat in tree(score):
            out[cat["node"].iri] = cat["points"]
            out.update({s["node"].iri: s["points"] for s in cat["subs"]})
        return out

    pa, pb = points(score_a), points(score_b)
    by_a = {n.notation: n for n in a.nodes}
    by_b = {n.notation: n for n in b.nodes}
    pairs = [(by_a.get(k), by_b.get(k)) for k in sorted(set(by_a) | set(by_b), key=_notation_key)]
    return app.render("compare.html", a=a, b=b, rubrics=rows, pairs=pairs, firm=firm, firm_text=firm_text,
                      as_of=day, score_a=score_a, score_b=score_b,
                      left_pts=lambda n: (n, pa.get(n.iri) if n else None),
                      right_pts=lambda n: (n, pb.get(n.iri) if n else None))


# -- population --------------------------------------------------------------------
@route(r"/population")
def population(app: Explorer, request: Request) -> Response:
    day = _day(request)
    iri = rubric_iri(app, request.arg("rubric"), day)
    model = rubric_model(app, iri)
    scores = app.cached(("population", iri, day), lambda: app.graph.score(as_of=day, rubric=iri))
    connected_set = app.cached(("connected",), lambda: {str(r["firm"]) for r in
                                                       app.graph.query(load("web-connected-firms"))})
    connected, area, grade = request.arg("connected"), request.arg("area").strip(), request.arg("grade")
    chosen = [s for s in scores  # type: ignore[union-attr]
              if (connected != "yes" or s.firm in connected_set)  # type: ignore[operator]
              and (connected != "no" or s.firm not in connected_set)  # type: ignore[operator]
              and (not area or (s.uscc or "")[2:2 + len(area)] == area)
              and (not grade or s.grade == grade)]
    counts = {b.grade: 0 for b in model.bands}
    for s in chosen:
        counts[s.grade or "none"] = counts.get(s.grade or "none", 0) + 1
    top = max(counts.values(), default=0) or 1
    grade_chart = charts.bars([(g, n, top) for g, n in counts.items()], colour="#1565c0")
    cats = []
    for i, cat in enumerate(sorted(model.categories, key=lambda n: n.notation)):
        values = [s.categories[i].points for s in chosen if len(s.categories) > i]
        avg = sum(values) / len(values) if values else 0
        cats.append((cat.label, 100 * avg / cat.max if cat.max else 0, 100.0))
    areas: dict[str, list[float]] = {}
    for s in chosen:
        code = (s.uscc or "")[2:6]
        if code:
            areas.setdefault(code, []).append(s.total)
    area_rows = sorted(((c, len(v), sum(v) / len(v)) for c, v in areas.items()), key=lambda x: -x[1])[:20]
    return app.render(
        "population.html", as_of=day, rubric=model, rubrics=app.graph.rubrics().rows, connected=connected,
        area=area, grade=grade, count=len(chosen), all_count=len(scores),  # type: ignore[arg-type]
        average=sum(s.total for s in chosen) / len(chosen) if chosen else 0,
        connected_count=len(connected_set), grade_chart=grade_chart,  # type: ignore[arg-type]
        category_chart=charts.bars(cats, colour="#00838f", unit="%"), areas=area_rows,
        lowest=sorted(chosen, key=lambda s: (s.total, s.uscc or ""))[:15])


# -- documents and SPARQL ------------------------------------------------------------
@route(r"/documents")
def documents(app: Explorer, request: Request) -> Response:
    return app.render("documents.html", documents=app.graph.documents().rows)


@route(r"/query", ("GET", "HEAD", "POST"))
def query_page(app: Explorer, request: Request) -> Response:
    text = (request.form.get("query") or request.query.get("query") or [""])[0]
    result = error = None
    if text.strip():
        try:
            result = sparql.table(sparql.run(app, text, "application/sparql-results+json, text/turtle"))
        except SyntaxError as exc:
            error = f"Not a SPARQL query (updates are refused): {exc}"
        except sparql.QueryTimeout:
            error = f"The query did not finish within {app.query_timeout:g} s."
        except sparql.Busy:
            error = "Too many queries are running; try again shortly."
        except HTTPError as exc:
            error = exc.message
    return app.render("query.html", query=text or EXAMPLE_QUERY, result=result, error=error,
                      timeout=f"{app.query_timeout:g}", enterprise=ENTERPRISE)
