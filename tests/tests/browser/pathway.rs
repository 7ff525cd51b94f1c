//! The pathway, its share link, print, exports and import, and the
//! catalogue browser and module pages. The expected pathway is computed
//! natively by `parcours-core` from the same answers: the browser must
//! show exactly that, in that order.

use parcours_core::export::{CLOSED_HEADING, PROPOSITIONS_HEADING};
use parcours_core::priorities::{NOTHING_URGENT_TITLE, PRIORITIES_HEADING};
use parcours_core::{Answer, Answers, Availability, Pathway, Standing};
use parcours_e2e::browser::{browser, downloaded, setup, until, Report};
use parcours_e2e::{catalogue, ids, scenario, scratch_dir, squash};
use serde_json::json;

const SCENARIO: &str = "costly_brownfield_unshared_tax";
/// Answers that point to propositions of the note and to closed offers.
const SCENARIO_APART: &str = "basin_short_of_skilled_workers_without_training";

fn expected(answers: &Answers) -> Pathway {
    let p = parcours_e2e::pathway(answers);
    assert!(p.module_count() >= 3, "a scenario with a real pathway");
    p
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_pathway_of_a_journey_reopens_identically_from_its_share_link() {
    let answers = scenario(SCENARIO);
    let want = expected(&answers);
    let page = browser().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.heading("Votre parcours").await;
    page.wait_for_modules(&ids(&want)).await;

    // Steps as headings, in order; the summary; the reasons.
    let mut steps = Vec::new();
    for h in page.elements(".parcours-step h2").await {
        steps.push(h.text().await.unwrap());
    }
    let want_steps: Vec<String> = want.steps.iter().map(|s| s.label.clone()).collect();
    assert_eq!(steps, want_steps);
    page.wait_text(
        "#parcours-compte",
        &format!("{} services recommandés", want.module_count()),
    )
    .await;
    page.wait_text("#parcours-resume", PRIORITIES_HEADING).await;
    // « Vos priorités »: the core's, in its order, each with why.
    let mut shown = Vec::new();
    for li in page.elements("#parcours-priorites li").await {
        shown.push(li.text().await.unwrap());
    }
    let list = want.priority_list();
    assert!(!list.is_empty(), "a scenario with priorities");
    assert_eq!(shown.len(), list.len(), "{shown:?}");
    for (line, p) in shown.iter().zip(&list) {
        assert!(line.contains(&p.module.title), "{line}");
        assert!(line.contains(&p.why.text()), "{line}");
    }
    let first = want.modules().next().unwrap();
    let card = page.wait_card("Recommandé parce que").await;
    assert!(card.contains(&first.title), "{card}");
    if let Some(reason) = first.reasons.first() {
        assert!(card.contains(&reason.text), "{card}");
    }

    // Détaillée: everything, with the answers behind each reason; the
    // choice is kept in the URL and remembered after a reload.
    page.wait_text("#niveau-lecture", "Vue synthétique").await;
    page.click_label("vue-detaillee").await;
    page.wait_card("Ce que cela apporte").await;
    let url = page.address().await;
    assert!(url.contains("vue=detail"), "{url}");
    if let Some(t) = first.reasons.first().and_then(|r| r.triggers.first()) {
        page.wait_text(".parcours-triggers", &t.question_label)
            .await;
    }
    page.open("#/parcours").await;
    page.wait_card("Ce que cela apporte").await;
    // The menu's « Mon parcours » (`#/parcours`) keeps the chosen level too.
    let history = async || page.script("return history.length", vec![]).await;
    let before = history().await;
    page.click("#navigation-principale a[href='#/parcours']")
        .await;
    until("the menu's link is followed", async || {
        history().await != before
    })
    .await;
    until("the detailed view is kept in the URL", async || {
        page.address().await.contains("vue=detail")
    })
    .await;
    page.wait_card("Ce que cela apporte").await;

    // « Copier le lien »: copied, with a status message. Chromium grants
    // clipboard writes to the focused page: the real path.
    page.click("#copier-lien").await;
    page.wait_text("#parcours-statut", "Lien copié").await;
    assert_eq!(page.text("#parcours-statut").await, "Lien copié");
    let link = page.value("#lien-parcours").await;
    assert!(link.starts_with(&page.url("#/parcours?r=")), "{link}");
    assert!(link.contains("vue=detail"), "{link}");
    drop(page);

    // Another browser, empty profile: same modules, same order, same view;
    // nothing saved until the user says so.
    let other = browser().await;
    other.goto(&link).await.unwrap();
    other.heading("Parcours partagé").await;
    other.wait_for_modules(&ids(&want)).await;
    other.wait_card("Ce que cela apporte").await;
    assert_eq!(
        other.saved_answers().await,
        None,
        "a shared link saves nothing by itself"
    );
    other.click("#adopter-reponses").await;
    other.heading("Votre parcours").await;
    other.wait_for_modules(&ids(&want)).await;
    assert_eq!(other.saved().await.expect("answers adopted"), answers);
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn a_tampered_or_truncated_link_shows_a_notice_and_the_questionnaire() {
    let page = browser().await;
    let code = parcours_core::share::encode(&catalogue().version, &scenario(SCENARIO));
    let mut tampered: Vec<char> = code.chars().collect();
    let middle = tampered.len() / 2;
    tampered[middle] = if tampered[middle] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    let truncated = &code[..code.len() - 3];
    for (bad, why) in [
        (tampered.as_str(), "altéré"),
        (truncated, "lien de partage"),
        ("%%%", "lien de partage"),
    ] {
        page.open(&format!("#/parcours?r={bad}")).await;
        let notice = page
            .wait_text(".parcours-notice", "n'a pas pu être ouvert")
            .await;
        assert!(notice.contains(why), "{notice}");
        until("sent to the questionnaire", async || {
            page.address().await.contains("#/diagnostic")
        })
        .await;
        let h1 = page.text("main h1").await;
        assert!(!h1.is_empty(), "the questionnaire is shown");
        assert!(!page.any_card().await);
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn an_old_version_link_is_migrated_with_a_notice() {
    let page = browser().await;
    let mut answers = scenario(SCENARIO);
    answers.insert("question-retiree".into(), Answer::Option("oui".into()));
    let code = parcours_core::share::encode("2025.01.0", &answers);
    page.open(&format!("#/parcours?r={code}")).await;
    page.heading("Parcours partagé").await;
    let notice = page.wait_text(".parcours-notice", "2025.01.0").await;
    assert!(notice.contains("question-retiree"), "{notice}");
    // What the core keeps of them (scales turned round since, among others).
    let (kept, _) = parcours_core::migrate::migrate(catalogue(), "2025.01.0", answers);
    assert!(!kept.contains_key("question-retiree"));
    page.wait_for_modules(&ids(&expected(&kept))).await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_printed_pathway_has_every_module_the_date_and_the_version_and_no_chrome() {
    let answers = scenario(SCENARIO_APART);
    let want = parcours_e2e::pathway(&answers);
    assert!(want.module_count() >= 1);
    let page = browser().await;
    page.open_with_answers(&answers, "#/parcours?vue=detail")
        .await;
    page.wait_for_modules(&ids(&want)).await;
    page.type_in("#territoire", "Vallée de l'Essai").await;
    let today = parcours_core::date::french(&page.today().await);
    let link = page.value("#lien-parcours").await;

    let text = squash(&page.printed_text().await);
    for m in want.modules() {
        assert!(
            text.contains(&squash(&m.title)),
            "« {} » missing from the PDF:\n{text}",
            m.title
        );
    }
    for needle in [
        today.as_str(),
        catalogue().version.as_str(),
        "Territoire : Vallée de l'Essai",
        "Recommandé parce que",
        "Lien vers ce parcours",
        PROPOSITIONS_HEADING,
        CLOSED_HEADING,
    ] {
        assert!(
            text.contains(needle),
            "« {needle} » missing from the PDF:\n{text}"
        );
    }
    // The share link, in full (it may wrap anywhere: compare without
    // spaces; pdftotext drops a hyphen that ends a line, and base64url
    // codes hold hyphens: compare without them too).
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    assert!(
        compact.contains(&link.replace('-', "")),
        "the full link {link} is not printed:\n{text}"
    );
    // Each module's official page, as an address one can type from paper,
    // and its state.
    let official: Vec<&str> = want.modules().filter_map(|m| m.url.as_deref()).collect();
    assert!(!official.is_empty(), "a pathway with official links");
    // pdftotext drops the hyphen where a line breaks after one.
    let unhyphenated: String = compact.chars().filter(|c| *c != '-').collect();
    for url in official {
        let url = url.replace('-', "");
        assert!(unhyphenated.contains(&url), "{url} is not printed:\n{text}");
    }
    for m in want.modules() {
        let state = m.status.as_ref().map(|s| s.state);
        // In capitals, as the DSFR writes badges.
        let caps = Availability::of(m.nature, state).label().to_uppercase();
        assert!(
            text.contains(&caps),
            "« {caps} » ({}) missing from the PDF",
            m.id
        );
    }
    for chrome in [
        "Mentions légales",
        "legifrance",
        "Données personnelles",
        "Imprimer le parcours",
        "Copier le lien",
        "Vue synthétique",
        "Importer des réponses",
        "Menu principal",
    ] {
        assert!(
            !text.contains(chrome),
            "« {chrome} » should not be printed:\n{text}"
        );
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn cards_show_state_and_official_link_and_what_cannot_be_acted_on_is_apart() {
    let answers = scenario(SCENARIO_APART);
    let want = expected(&answers);
    let cat = catalogue();
    let page = browser().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.wait_for_modules(&ids(&want)).await;

    // Every card: its state as a badge, and the way in.
    for m in want.modules() {
        let state = m.status.as_ref().map(|s| s.state);
        let card = format!("#module-{}", m.id);
        let badge = page.text_content(&format!("{card} .fr-badge")).await;
        assert_eq!(badge, Availability::of(m.nature, state).label(), "{}", m.id);
        let way_in = page.text(&format!("{card} .parcours-access")).await;
        assert!(way_in.starts_with("Comment y accéder :"), "{way_in}");
        assert!(squash(&way_in).contains(&squash(&m.access)), "{way_in}");
        if let Some(s) = &m.status {
            let checked = format!("vérifié le {}", parcours_core::date::french(&s.checked));
            page.wait_text(&format!("{card} .parcours-etat"), &checked)
                .await;
        }
    }
    // The official link: the operator's page, in a new window, said so to
    // screen readers.
    let m = want
        .modules()
        .find(|m| m.url.is_some())
        .expect("a step with an official link");
    let link = format!("#module-{} .parcours-access a", m.id);
    assert_eq!(page.attr(&link, "href").await, m.url.clone());
    assert_eq!(page.attr(&link, "target").await.as_deref(), Some("_blank"));
    assert_eq!(page.attr(&link, "rel").await.as_deref(), Some("noopener"));
    let spoken = page.text_content(&format!("{link} .fr-sr-only")).await;
    assert!(
        spoken.contains("site de l'opérateur") && spoken.contains("nouvelle fenêtre"),
        "{spoken}"
    );

    // After the steps, the two parts apart, each with why and whom to ask.
    for (standing, part, heading) in [
        (
            Standing::Proposition,
            "#demandes-de-la-note",
            PROPOSITIONS_HEADING,
        ),
        (Standing::Closed, "#dispositifs-clos", CLOSED_HEADING),
    ] {
        let items: Vec<_> = want
            .not_actionable
            .iter()
            .filter(|m| m.standing == standing)
            .collect();
        assert!(!items.is_empty(), "{SCENARIO_APART} points to {part}");
        assert_eq!(page.text(&format!("{part} h2")).await, heading);
        for m in items {
            let item = page.text(&format!("{part} [data-module='{}']", m.id)).await;
            for needle in [
                m.title.as_str(),
                "Pourquoi cela vous concerne",
                m.access.as_str(),
            ] {
                assert!(
                    squash(&item).contains(&squash(needle)),
                    "« {needle} » in:\n{item}"
                );
            }
            for r in &m.reasons {
                assert!(squash(&item).contains(&squash(&r.text)), "{item}");
            }
            let module = cat.module(&m.id).unwrap();
            if let Some(closes) = module.status.as_ref().and_then(|s| s.closes.as_deref()) {
                let date = format!("clôture le {}", parcours_core::date::french(closes));
                assert!(item.contains(&date), "« {date} » in:\n{item}");
            }
            if standing == Standing::Closed {
                assert!(item.contains("Pour suivre une prochaine édition"), "{item}");
            }
        }
    }
    // After the steps: propositions, then what is closed.
    let order = page
        .script(
            "return [...document.querySelectorAll('#demandes-de-la-note, #dispositifs-clos, .parcours-step')].map(e => e.id)",
            vec![],
        )
        .await;
    let order: Vec<String> = serde_json::from_value(order).unwrap();
    let last = order.len() - 1;
    assert_eq!(
        &order[last - 1..],
        ["demandes-de-la-note", "dispositifs-clos"],
        "{order:?}"
    );
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn exports_are_produced_and_the_answers_file_reimports_to_the_same_pathway() {
    let answers = scenario(SCENARIO);
    let want = expected(&answers);
    let downloads = scratch_dir("downloads");
    let page = setup().downloads(&downloads).start().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.wait_for_modules(&ids(&want)).await;

    page.click("#export-md").await;
    let md = downloaded(&downloads, ".md").await;
    assert!(md
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("parcours-ti-20"));
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.starts_with("# Parcours Territoires d'industrie"), "{md}");
    assert!(md.contains("Lien vers ce parcours : <http"), "{md}");
    // Markdown escapes a few characters of the titles.
    let unescaped = md.replace('\\', "");
    assert!(md.contains("Recommandé parce que"), "{md}");
    for m in want.modules() {
        assert!(
            unescaped.contains(&m.title),
            "« {} » missing:\n{md}",
            m.title
        );
        if let Some(url) = &m.url {
            assert!(
                md.contains(&format!("- Lien officiel : <{url}>")),
                "{url}:\n{md}"
            );
        }
    }
    assert!(md.contains("- Statut : "), "{md}");

    page.click("#export-csv").await;
    let csv = std::fs::read_to_string(downloaded(&downloads, ".csv").await).unwrap();
    assert!(csv.trim_start_matches('\u{feff}').starts_with(
        "ordre,priorité,affichage,étape,module,opérateur,nature,état,comment y accéder,lien officiel,score,raisons"
    ));
    assert_eq!(
        csv.lines().count(),
        want.module_count() + want.not_actionable.len() + 1,
        "one row a module:\n{csv}"
    );
    for m in want.modules().filter(|m| m.url.is_some()) {
        assert!(csv.contains(m.url.as_deref().unwrap()), "{}:\n{csv}", m.id);
    }

    page.click("#export-json").await;
    let json_path = downloaded(&downloads, ".json").await;
    let name = json_path.file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("reponses-parcours-ti-20"), "{name}");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(file["format"], "parcours-ti/reponses");
    assert_eq!(file["catalogue_version"], catalogue().version.as_str());
    // The pathway too, each module with its nature, status, way in and link.
    let modules: Vec<&serde_json::Value> = file["pathway"]["steps"]
        .as_array()
        .expect("the pathway in the answers file")
        .iter()
        .flat_map(|s| s["modules"].as_array().unwrap())
        .collect();
    assert_eq!(modules.len(), want.module_count());
    for m in modules {
        for key in ["nature", "status", "url", "access"] {
            assert!(m.get(key).is_some(), "« {key} » missing: {m}");
        }
    }
    assert!(file["pathway"]["not_actionable"].is_array());
    drop(page);

    // A fresh browser: nothing yet; a foreign file is refused; ours is
    // imported and gives the same pathway.
    let other = browser().await;
    other.open("#/parcours").await;
    other
        .wait_text("#parcours-vide", "pas encore répondu")
        .await;
    let foreign = scratch_dir("foreign").join("autre.json");
    std::fs::write(&foreign, r#"{"nom": "un autre fichier"}"#).unwrap();
    other.choose_file("#importer-reponses", &foreign).await;
    other
        .wait_text("#parcours-erreur", "n'est pas un fichier de réponses")
        .await;
    assert_eq!(other.saved_answers().await, None);
    other.choose_file("#importer-reponses", &json_path).await;
    other
        .wait_text("#transfert-statut", "Réponses importées")
        .await;
    other.wait_for_modules(&ids(&want)).await;
    assert!(
        other.saved_answers().await.is_some(),
        "imported answers are kept"
    );
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn catalogue_filters_and_search_narrow_the_list_and_modules_have_deep_links() {
    let cat = catalogue();
    let total = cat.modules.len();
    let page = browser().await;
    page.open("#/catalogue").await;
    page.heading("Catalogue des services").await;
    page.wait_for_listed("every module listed", |n| n == total)
        .await;
    page.wait_text("#catalogue-compte", &format!("{total} services"))
        .await;

    // Typing narrows the list as one types; focus stays in the field.
    page.type_in("#recherche-catalogue", "friche").await;
    let by_text = page
        .wait_for_listed("search narrows", |n| n > 0 && n < total)
        .await;
    page.wait_text("#catalogue-compte", &format!("sur {total}"))
        .await;
    assert_eq!(
        page.focused().await.0,
        "recherche-catalogue",
        "focus kept while typing"
    );
    assert_eq!(page.value("#recherche-catalogue").await, "friche");
    let url = page.address().await;
    assert!(url.contains("q=friche"), "{url}");

    // A filter narrows further (or keeps); the URL keeps every filter.
    page.select("#filtre-etape", "diagnostiquer").await;
    let by_step = page.wait_for_listed("step filter", |n| n <= by_text).await;
    let url = page.address().await;
    assert!(url.contains("etape=diagnostiquer"), "{url}");
    for id in page.catalogue_shown().await {
        assert_eq!(cat.module(&id).unwrap().step, "diagnostiquer", "{id}");
    }
    // Reloading the filtered URL gives the same list.
    page.reload().await;
    page.wait_for_listed("same list after reload", |n| n == by_step)
        .await;

    // Theme filter alone, through a fresh URL.
    page.open("#/catalogue?theme=foncier").await;
    let foncier = cat
        .modules
        .iter()
        .filter(|m| m.themes.iter().any(|t| t == "foncier"))
        .count();
    page.wait_for_listed("theme filter", |n| n == foncier).await;
    page.click("#effacer-filtres").await;
    page.wait_for_listed("filters cleared", |n| n == total)
        .await;

    // Nothing matches: said so.
    page.type_in("#recherche-catalogue", "zzzqqqxxx").await;
    page.wait_text("#catalogue-aucun", "Aucun service").await;

    // Deep link to a module page: everything about it, and what leads to it.
    let module = cat
        .modules
        .iter()
        .find(|m| cat.rules.iter().any(|r| r.modules.contains(&m.id)))
        .unwrap();
    page.open(&format!("#/catalogue/{}", module.id)).await;
    page.heading(&module.title).await;
    let text = page
        .wait_text("main", "Les réponses qui mènent à ce service")
        .await;
    assert!(squash(&text).contains(&squash(&module.benefits)), "{text}");
    let rule = cat
        .rules
        .iter()
        .find(|r| r.modules.contains(&module.id))
        .unwrap();
    page.wait_text("#module-regles", &rule.reason).await;
    page.wait_text("#module-regles", "Quand : «").await;
    let title = page.title().await.unwrap();
    assert!(title.starts_with(&module.title), "{title}");
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn the_catalogue_filters_on_state_and_the_filter_survives_a_reload() {
    let cat = catalogue();
    let today = parcours_e2e::today();
    let count = |a: Availability| {
        cat.modules
            .iter()
            .filter(|m| m.availability_on(&today) == a)
            .count()
    };
    let page = browser().await;
    page.open("#/catalogue").await;
    page.wait_for_listed("every module listed", |n| n == cat.modules.len())
        .await;
    let options = page.text("#filtre-etat").await;
    for a in [
        Availability::Proposition,
        Availability::Action,
        Availability::Clos,
    ] {
        assert!(
            options.contains(&format!("{} ({})", a.label(), count(a))),
            "{options}"
        );
    }
    for (a, label) in [
        (Availability::Proposition, "Proposition de la note"),
        (Availability::Clos, "Clos"),
    ] {
        page.select("#filtre-etat", a.id()).await;
        let n = count(a);
        page.wait_for_listed(label, |k| k == n).await;
        let url = page.address().await;
        assert!(url.contains(&format!("etat={}", a.id())), "{url}");
        // The DSFR shows badges in capitals: compare the text itself.
        for badge in page.catalogue_badges().await {
            assert_eq!(badge, label);
        }
        // The filtered URL reloads to the same list, the select still set.
        page.reload().await;
        page.wait_for_listed("same list after reload", |k| k == n)
            .await;
        assert_eq!(page.value("#filtre-etat").await, a.id());
    }
    // Combined with another filter, cleared with the others.
    page.open("#/catalogue?etat=action&theme=foncier").await;
    let both = cat
        .modules
        .iter()
        .filter(|m| m.availability_on(&today) == Availability::Action)
        .filter(|m| m.themes.iter().any(|t| t == "foncier"))
        .count();
    page.wait_for_listed("state and theme", |n| n == both).await;
    page.click("#effacer-filtres").await;
    page.wait_for_listed("filters cleared", |n| n == cat.modules.len())
        .await;
    assert!(!page.address().await.contains("etat="));
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn axe_finds_no_violation_on_pathway_catalogue_and_module_pages() {
    let answers = scenario(SCENARIO);
    let code = parcours_core::share::encode(&catalogue().version, &answers);
    let apart = parcours_core::share::encode(&catalogue().version, &scenario(SCENARIO_APART));
    let module = &catalogue().modules[0].id;
    let pages: Vec<(String, &str)> = vec![
        (format!("#/parcours?r={apart}"), "#dispositifs-clos"),
        (
            format!("#/parcours?r={apart}&vue=detail"),
            "#demandes-de-la-note",
        ),
        (
            "#/catalogue?etat=clos".into(),
            "article.parcours-catalogue-card",
        ),
        ("#/parcours".into(), "article.parcours-card"),
        ("#/parcours?vue=detail".into(), "article.parcours-card"),
        (
            format!("#/parcours?r={code}&vue=detail"),
            "#parcours-partage",
        ),
        ("#/catalogue".into(), "article.parcours-catalogue-card"),
        (
            "#/catalogue?q=friche&theme=foncier".into(),
            "article.parcours-catalogue-card",
        ),
        (format!("#/catalogue/{module}"), "#module-regles"),
    ];
    let mut report = Report::default();
    for (width, height) in [(1280, 900), (320, 640)] {
        let page = setup().size(width, height).start().await;
        page.save_answers(&answers).await;
        for (route, ready) in &pages {
            page.open(route).await;
            page.wait_text(ready, "").await;
            report.axe(&page, &format!("{width}px {route:?}")).await;
            // RGAA 10.11: reflow at 320 px without horizontal scrolling.
            let overflow = page.overflow().await;
            if overflow > 0 {
                report.note(format!(
                    "{width}px {route:?}: {overflow} px of horizontal overflow"
                ));
            }
        }
        // An empty pathway too.
        page.script("localStorage.clear()", vec![]).await;
        page.open("#/parcours").await;
        page.wait_text("#parcours-vide", "").await;
        report.axe(&page, &format!("{width}px empty pathway")).await;
    }
    report.assert_empty();
}

#[tokio::test]
#[ignore = "needs the built dist/ and Chromium: run `make test`"]
async fn when_nothing_is_detected_the_page_says_so_and_invites_to_browse_the_catalogue() {
    let answers: Answers = serde_json::from_value(json!({
        "profil-collectivite": "ca",
        "themes": ["foncier"],
        "fon-refus": "non",
        "fon-saturation": 1,
        "fon-inventaire": "fait",
        "fon-observatoire": "oui",
        "fon-besoins": ["aucun"],
        "fon-eviction": "non",
        "fon-urbanisme": "oui",
        "fon-zan-etat": "non",
        "fon-friches": "non",
        "fon-taxe": "oui",
        "fon-qualite": 1,
        "fon-site-historique": "non"
    }))
    .unwrap();
    let want = parcours_e2e::pathway(&answers);
    assert!(want.is_empty() && want.nothing_urgent);
    let page = browser().await;
    page.open_with_answers(&answers, "#/parcours").await;
    page.wait_text("#parcours-vide", NOTHING_URGENT_TITLE).await;
    assert!(page.modules_shown().await.is_empty());
    page.click("#parcours-vide a[href='#/catalogue']").await;
    page.heading("Catalogue des services").await;
}
