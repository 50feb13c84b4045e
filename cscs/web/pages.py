"""The explorer's pages: search, firm, provenance, rubrics, population, SPARQL.

Handlers gather plain data (from the API, the shipped queries and ``queries/web-*.rq``)
and hand it to a template; they never build HTML from graph values themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode

from cscs.api import NotFound
from cscs.extract.identifiers import normalize_name, parse_firm_id
from cscs.graph.queries import load
from cscs.graph.query_forms import syntax_message
from cscs.ontology.namespaces import ID
from cscs.results import Number

from . import charts, formats, names, records, source, sparql, view
from .app import Explorer, HTTPError, Request, Response, route
from .render import ENTERPRISE, firm_url, short, url
from .rubric_tree import Rubric, load_rubric

SEARCH_LIMIT = 25
ROLE_ORDER = ["LegalRepresentative", "Chairman", "Director", "IndependentDirector", "GeneralManager",
              "SeniorManager", "Supervisor", "ActualController"]
EXAMPLE_QUERY = load("web-example").rstrip("\n")


def _day(request: Request, name: str = "as_of") -> date:
    text = request.arg(name).strip()
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HTTPError(400, f"not a date (YYYY-MM-DD): {text}") from None


def rubric_model(app: Explorer, iri: str) -> Rubric:
    return app.cached(("rubric", iri), lambda: load_rubric(app.graph, iri))  # type: ignore[return-value]


def rubric_iri(app: Explorer, ref: str, day: date) -> str:
    try:
        return app.graph.rubric(ref or None, day)
    except NotFound as exc:
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
    total: Number | None = None
    grade: str | None = None


def name_index(app: Explorer) -> names.NameIndex:
    return app.cached(("names",), lambda: names.NameIndex.read(app.graph))  # type: ignore[return-value]


def find(app: Explorer, text: str) -> list[Hit]:
    """Firms by code (USCC, organisation code, registration number), name or person."""
    graph, hits = app.graph, {}
    ident = parse_firm_id(text)
    codes = [ident.value] if ident and ident.kind != "other" else []
    if ident and ident.org_code and ident.kind == "uscc":
        codes.append(ident.org_code)
    for code in codes:
        for r in graph.query(load("firm-by-code"), code=code):
            firm = graph.find_firm(str(r["firm"]))  # an alias node resolved to a firm shows as that firm
            if firm not in hits:
                hits[firm] = Hit(firm, *graph.firm_names(firm).get(firm, (r["name"], r["uscc"])), f"code {code}")
    name = normalize_name(text)
    if name and not hits:  # a code that found its firm is not also searched as a name
        index = name_index(app)  # built on the first search by name, not by code
        for firm in index.firms_named(name):
            hits.setdefault(firm, Hit(firm, *index.label(firm), "name"))
        for firm, person, role in index.people_named(name):
            hit = hits.setdefault(firm, Hit(firm, *index.label(firm), ""))
            if not hit.matched or hit.matched.startswith("person"):
                hit.matched = (hit.matched + "; " if hit.matched else "person ") + \
                    f"{person} ({view.local(role)})"
    return list(hits.values())


def _page(request: Request) -> int:
    text = request.arg("page", "1").strip()
    if not text.isdigit() or int(text) < 1:
        raise HTTPError(400, f"not a page number: {text}")
    return int(text)


@route(r"/search(?:\.(?P<fmt>json|csv))?")
def search(app: Explorer, request: Request) -> Response:
    q = request.arg("q").strip()[:200]
    day = _day(request)
    page = _page(request)
    found = find(app, q) if q else []
    pages = max((len(found) + SEARCH_LIMIT - 1) // SEARCH_LIMIT, 1)
    results = found[(page - 1) * SEARCH_LIMIT:page * SEARCH_LIMIT]
    if results:  # scored as cscs score scores one firm (cscs.explaining)
        for hit, s in zip(results, app.graph.scores_of([h.firm for h in results], day, rubric_iri(app, "", day))):
            hit.total, hit.grade = s.total, s.grade
    fmt = request.params.get("fmt")
    if fmt:
        rows = [vars(hit) for hit in results]
        if fmt == "json":
            return formats.as_json({"q": q, "as_of": day, "count": len(found), "page": page, "pages": pages,
                                    "results": rows})
        return formats.as_csv(["firm", "name", "uscc", "matched", "total", "grade"], rows, "search")
    return app.render("search.html", q=q, results=results, count=len(found), page=page, pages=pages,
                      first=(page - 1) * SEARCH_LIMIT + 1, as_of=day,
                      page_link=lambda n: url("/search", q=q, as_of=day, page=n), formats=formats.links("/search", request))


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
            role = view.local(r["role"])
            key = (r["person"], role, r["start"], r["end"])
            people[key] = Person(str(r["person"]), r["personName"], role, r["start"], r["end"])
    names = sorted(values.get("legalName", []))
    codes = [("organisation code", c) for c in values.get("organizationCode", [])] + \
            [("registration number", c) for c in values.get("registrationNumber", [])] + \
            [("masked code", c) for c in values.get("maskedCode", [])]
    uscc = sorted(values.get("uscc", [None]))[0]  # type: ignore[type-var]
    firm = Firm(iri, names[0] if names else None, uscc, names[1:], codes, values.get("failsCheck", []))
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    personnel = sorted(people.values(), key=lambda p: (order.get(p.role, 99), p.name or "", str(p.start)))
    return firm, personnel


def is_firm(app: Explorer, iri: str) -> bool:
    return app.graph.store.ask(load("firm-exists"), firm=NamedNode(iri))


def firm_key(app: Explorer, key: str) -> str:
    """The canonical firm IRI for ``/firm/<key>``: the key after ``.../enterprise/`` of a
    node (the server has decoded the path once, so a masked code's ``%2A`` arrives as
    written in the IRI), else a USCC, organisation code or name typed into the address."""
    try:
        iri = NamedNode(ENTERPRISE + key).value
    except ValueError:
        iri = None
    try:
        return app.graph.find_firm(iri if iri and is_firm(app, iri) else key)
    except NotFound as exc:
        raise HTTPError(404, str(exc)) from None


def redirect(location: str) -> Response:
    return Response("", 303, headers=[("Location", location)])


@route(r"/firm/(?P<key>[^/]+)")
def firm_page(app: Explorer, request: Request) -> Response:
    key, fmt = formats.split_key(request.params["key"])
    iri = firm_key(app, key)
    if firm_url(iri) != firm_url(ENTERPRISE + key):  # an alias or a code: one page per firm
        target = firm_url(iri) + (f".{fmt}" if fmt else "")
        return redirect(url(target, **{k: v[0] for k, v in request.query.items()}))
    day = _day(request)
    rubric = rubric_iri(app, request.arg("rubric"), day)
    if fmt:
        return firm_data(app, iri, rubric, day, fmt)
    model = rubric_model(app, rubric)
    firm, personnel = describe_firm(app, iri)
    why = app.graph.explain(iri, day, rubric)  # the numbers and evidence cscs explain prints
    found = records.firm_records(app.graph, iri)
    end = max(day, date.today())
    start = min([r.valid_from for r in found] + [model.effective_from or day, day])
    first = model.effective_from or min((r.valid_from for r in found), default=end)
    points = app.graph.history(iri, min(first, end), end, rubric)
    party = app.graph.query(load("web-party-state"), firm=NamedNode(iri)).rows
    return app.render(
        "firm.html", firm=firm, why=why, rubric=model, rubrics=app.graph.rubrics().rows,
        side=f"{model.id}@{day.isoformat()}",
        tree=view.tree(why, model), sunburst=charts.sunburst(why, lambda n: f"#ind-{n}"),
        events=records.events(found), timeline=charts.timeline(records.timeline_rows(found), start, end, day),
        history=points, history_chart=charts.history(points, end, model.total),
        personnel=personnel, party=party, fit_warnings=why.warnings,
        formats=formats.links(firm_url(iri), request))


INDICATOR_COLUMNS = ["notation", "label", "category_label", "max", "points", "counted", "polarity", "rule",
                     "assumption"]


def firm_data(app: Explorer, iri: str, rubric: str, day: date, fmt: str) -> Response:
    """The firm's explanation, as ``cscs explain --format json`` gives it; as CSV, its
    indicators one per row."""
    why = app.graph.explain(iri, day, rubric)
    if fmt == "json":
        return formats.as_json(why.to_dict())
    return formats.as_csv(INDICATOR_COLUMNS, [vars(i) for i in why.indicators], "firm")


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
    resolved = app.graph.query(load("resolved-to"), node=NamedNode(subject)).rows \
        if subject.startswith(str(ID)) else []
    for r in resolved:
        lines.append(f"That node was resolved to {r['c']} (the same entity).")
    if firm and subject and not subject.startswith(ENTERPRISE):
        rows = app.graph.query(load("firm"), firm=NamedNode(firm)).rows
        roles = sorted({view.local(r["role"]) for r in rows
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
    image_url = row_url = None
    if doc.is_pdf and doc.state in ("ok", "changed") and place.page is not None:
        image_url = url("/record/page.png", iri=iri)
        if place.char_start is None:  # a table row: shown enlarged above the page
            row_url = url("/record/page.png", iri=iri, crop="row")
    subject = props.get("subject", "")
    if not firm and subject.startswith(ENTERPRISE):
        firm = subject
    return app.render("record.html", record=iri, kind=props.get("recordKind", ""), doc=doc, place=place,
                      excerpt=excerpt, image_url=image_url, row_url=row_url, firm=firm,
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
    try:
        png = source.page_image(Path(doc.path), place, span, crop=request.arg("crop") == "row")
    except LookupError as exc:
        raise HTTPError(404, str(exc)) from None
    return Response(png, content_type="image/png", headers=[("Cache-Control", "max-age=600")])


# -- rubrics -----------------------------------------------------------------------
def rubric_by_id(app: Explorer, ref: str) -> Rubric:
    return rubric_model(app, rubric_iri(app, ref, date.today()))


@route(r"/rubrics")
def rubrics(app: Explorer, request: Request) -> Response:
    return app.render("rubrics.html", rubrics=app.graph.rubrics().rows)


@route(r"/rubric/(?P<id>[^/]+)")
def rubric_page(app: Explorer, request: Request) -> Response:
    model = rubric_by_id(app, request.params["id"])
    return app.render("rubric.html", rubric=model, nodes=sorted(model.nodes, key=lambda n: _notation_key(n.notation)))


def _notation_key(notation: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in notation.split("."))


# -- population --------------------------------------------------------------------
@route(r"/population(?:\.(?P<fmt>json|csv))?")
def population(app: Explorer, request: Request) -> Response:
    day = _day(request)
    iri = rubric_iri(app, request.arg("rubric"), day)
    model = rubric_model(app, iri)
    scores = app.cached(("population", iri, day), lambda: app.graph.score(as_of=day, rubric=iri))
    connected_set = app.cached(("connected",), lambda: {str(r["firm"]) for r in
                                                       app.graph.query(load("web-connected-firms"))})
    connected, area, grade = request.arg("connected"), request.arg("area").strip(), request.arg("grade")
    chosen = [s for s in scores  # type: ignore[attr-defined]
              if (connected != "yes" or s.firm in connected_set)  # type: ignore[operator]
              and (connected != "no" or s.firm not in connected_set)  # type: ignore[operator]
              and (not area or (s.uscc or "")[2:2 + len(area)] == area)
              and (not grade or s.grade == grade)]
    if request.params.get("fmt"):
        return population_data(app, iri, day, chosen, request.params["fmt"])
    counts = {b.grade: 0 for b in model.bands}
    for s in chosen:
        counts[s.grade or "none"] = counts.get(s.grade or "none", 0) + 1
    top = max(counts.values(), default=0) or 1
    grade_chart = charts.bars([(g, n, top) for g, n in counts.items()], colour="#1565c0", axis="number of firms")
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
        category_chart=charts.bars(cats, colour="#00838f", unit="%",
                                   axis="average points held, % of the category's maximum"), areas=area_rows,
        lowest=sorted(chosen, key=lambda s: (s.total, s.uscc or ""))[:15],
        formats=formats.links("/population", request))


def population_data(app: Explorer, rubric: str, day: date, chosen: list, fmt: str) -> Response:
    """The chosen firms in the score-table schema of ``cscs score --format csv``."""
    from cscs.tables import firm_score_rows, score_columns

    labels = app.graph.category_labels(rubric, day)
    rows = list(firm_score_rows(sorted(chosen, key=lambda s: (s.total, s.firm)), labels))
    if fmt == "json":
        return formats.as_json({"as_of": day, "rubric": rubric, "count": len(rows), "firms": rows})
    return formats.as_csv(score_columns(labels), rows, "population")


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
            error = syntax_message(text, exc)
        except sparql.QueryTimeout:
            error = f"The query did not finish within {app.query_timeout:g} s."
        except sparql.Busy:
            error = "Too many queries are running; try again shortly."
        except HTTPError as exc:
            error = exc.message
    share = url("/query", query=text) if text.strip() else None
    return app.render("query.html", query=text or EXAMPLE_QUERY, result=result, error=error, share=share,
                      timeout=f"{app.query_timeout:g}", enterprise=ENTERPRISE)
