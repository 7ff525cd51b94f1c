//! Scenario tests on the real catalogue (`content/catalogue.json`): situations
//! drawn from the Intercommunalités de France note, each with the modules its
//! pathway must show, those it must not, and the order its prerequisites
//! impose. The answers live in `tests/scenarios/<name>.json`, so that the
//! same situation can be replayed with
//! `catalogue pathway --answers tests/scenarios/<name>.json`.

use parcours_core::pathway::Pathway;
use parcours_core::{Answer, Answers, Catalogue, Standing};
use parcours_e2e::{catalogue, ids};

/// The day the scenarios are played on: what is open that day is what the
/// scenarios describe (a call that closes later would otherwise move to
/// « Dispositifs clos à surveiller » on its own).
const TODAY: &str = "2026-12-02";

fn pathway_for(cat: &Catalogue, answers: &Answers) -> Pathway {
    let p = parcours_core::recommend::pathway(cat, answers, TODAY);
    // The pathway names the catalogue it was computed on, whatever its
    // release.
    assert_eq!(p.catalogue_version, cat.version);
    // Whatever the situation: a step is something one can act on, and what
    // one cannot act on is listed apart with why.
    for m in p.steps.iter().flat_map(|s| s.modules.iter()) {
        let module = cat.module(&m.id).unwrap();
        assert_eq!(
            module.standing_on(TODAY),
            Standing::Actionable,
            "« {} » ({}) is a step",
            m.id,
            module.availability_on(TODAY).label()
        );
    }
    for m in &p.not_actionable {
        assert!(
            !m.reasons.is_empty() || !m.required_by.is_empty(),
            "« {} » listed apart without a reason",
            m.id
        );
    }
    p
}

fn scenario(name: &str) -> Pathway {
    let cat = catalogue();
    let answers = parcours_e2e::scenario(name);
    // Every answer names a question of the catalogue: a renamed question
    // would otherwise silently empty the scenario.
    for id in answers.keys() {
        assert!(
            cat.question(id).is_some(),
            "{name}: unknown question « {id} »"
        );
    }
    pathway_for(cat, &answers)
}

fn position(p: &Pathway, id: &str) -> usize {
    ids(p)
        .iter()
        .position(|m| m == id)
        .unwrap_or_else(|| panic!("« {id} » missing from the pathway {:?}", ids(p)))
}

fn assert_has(p: &Pathway, expected: &[&str]) {
    let got = ids(p);
    for id in expected {
        assert!(
            got.iter().any(|m| m == id),
            "« {id} » should be in the pathway {got:?}"
        );
    }
}

fn assert_lacks(p: &Pathway, unwanted: &[&str]) {
    let got = ids(p);
    for id in unwanted {
        assert!(
            !got.iter().any(|m| m == id),
            "« {id} » should not be in the pathway {got:?}"
        );
    }
}

/// `first` comes before `then` in the pathway, and if `then` declares
/// `first` as a prerequisite, the pathway says so.
fn assert_before(p: &Pathway, first: &str, then: &str) {
    let (a, b) = (position(p, first), position(p, then));
    assert!(
        a < b,
        "« {first} » should come before « {then} » in {:?}",
        ids(p)
    );
}

fn assert_prerequisite(p: &Pathway, prerequisite: &str, module: &str) {
    assert_before(p, prerequisite, module);
    let m = p
        .steps
        .iter()
        .flat_map(|s| s.modules.iter())
        .find(|m| m.id == module)
        .unwrap();
    assert!(
        m.prerequisites.iter().any(|x| x == prerequisite),
        "« {module} » should list « {prerequisite} » as a prerequisite: {:?}",
        m.prerequisites
    );
    let pre = p
        .steps
        .iter()
        .flat_map(|s| s.modules.iter())
        .find(|m| m.id == prerequisite)
        .unwrap();
    assert!(
        pre.required_by.iter().any(|x| x == module),
        "« {prerequisite} » should be required by « {module} »: {:?}",
        pre.required_by
    );
}

/// `id` is not a step but listed apart: a proposition of the note
/// (`Standing::Proposition`) or a closed offer (`Standing::Closed`).
fn assert_apart(p: &Pathway, id: &str, standing: Standing) {
    assert_lacks(p, &[id]);
    let apart: Vec<(&str, Standing)> = p
        .not_actionable
        .iter()
        .map(|m| (m.id.as_str(), m.standing))
        .collect();
    assert!(
        apart.contains(&(id, standing)),
        "« {id} » should be listed apart as {standing:?}: {apart:?}"
    );
}

fn assert_excluded(p: &Pathway, id: &str) {
    assert!(
        p.excluded
            .iter()
            .any(|e| e.module == id && !e.reason.is_empty()),
        "« {id} » should be excluded with a reason: {:?}",
        p.excluded.iter().map(|e| &e.module).collect::<Vec<_>>()
    );
    assert_lacks(p, &[id]);
}

fn every_recommended_module_has_a_reason(p: &Pathway) {
    for m in p.steps.iter().flat_map(|s| s.modules.iter()) {
        assert!(
            !m.reasons.is_empty() || !m.required_by.is_empty(),
            "« {} » is in the pathway without a reason nor a module needing it",
            m.id
        );
        for r in &m.reasons {
            assert!(
                ["Vous", "Vos ", "Votre "]
                    .iter()
                    .any(|w| r.text.starts_with(w)),
                "reason of rule {} is not addressed to the user",
                r.rule
            );
        }
    }
}

// ------------------------------------------------------------------ catalogue

#[test]
fn real_catalogue_loads_with_every_module_reachable_and_sourced() {
    let cat = catalogue();
    // The version changes with each publication: its shape only.
    assert!(
        cat.version.starts_with("20") && cat.version.split('.').count() == 3,
        "{}",
        cat.version
    );
    assert!(cat.modules.len() >= 45, "{} modules", cat.modules.len());
    assert!(cat.rules.len() >= 50, "{} rules", cat.rules.len());
    assert!(cat.questions().count() >= 25);
    assert!(cat.questions().filter(|q| q.visible_if.is_some()).count() >= 6);
    let unreachable = parcours_core::unreachable_modules(cat);
    assert!(
        unreachable.is_empty(),
        "unreachable modules: {unreachable:?}"
    );
    for m in &cat.modules {
        // The note, or an official page with its address.
        let source = cat.source(&m.source.document).unwrap();
        assert!(
            source.id == "note-idf"
                || source
                    .url
                    .as_deref()
                    .is_some_and(|u| u.starts_with("https://")),
            "{}: source {}",
            m.id,
            source.id
        );
        let excerpt = m.source.excerpt.as_deref().unwrap_or("");
        assert!(
            !excerpt.is_empty() && excerpt.chars().count() <= 300,
            "{}: excerpt",
            m.id
        );
        assert!(
            m.cost.is_none() && m.duration.is_none(),
            "{}: the note gives no cost nor duration",
            m.id
        );
    }
    for p in &cat.providers {
        if let Some(url) = &p.url {
            let rest = url.strip_prefix("https://").expect("https");
            assert!(
                rest.ends_with('/') && rest.matches('/').count() == 1,
                "{}: not a root URL",
                p.id
            );
        }
    }
}

// ------------------------------------------------------------------ foncier

/// 67 % des intercommunalités ont refusé des implantations faute de foncier :
/// ZAE saturées, inventaire inachevé, prête à louer plutôt qu'à vendre.
#[test]
fn full_zae_refusing_implantations() {
    let p = scenario("full_zae_refusing_implantations");
    assert_has(
        &p,
        &[
            "inventaire-zae",
            "observation-fonciere",
            "chef-projet-foncier",
            "urbanisme-industrie",
            "formation-agents-portage",
            "baux-construction",
            "parc-industriel-public",
        ],
    );
    assert_lacks(
        &p,
        &[
            "partage-taxe-amenagement",
            "cartofriches",
            "fonds-vert-friches",
            "gpect",
            "eit",
            "manufactures-proximite",
        ],
    );
    assert_prerequisite(&p, "inventaire-zae", "observation-fonciere");
    assert_prerequisite(&p, "observation-fonciere", "parc-industriel-public");
    assert_prerequisite(&p, "formation-agents-portage", "baux-construction");
    every_recommended_module_has_a_reason(&p);
}

/// Le Grand Chalon : une friche coûteuse à requalifier, dont la taxe
/// d'aménagement irait à deux communes seulement.
#[test]
fn costly_brownfield_with_unshared_development_tax() {
    let p = scenario("costly_brownfield_unshared_tax");
    assert_has(
        &p,
        &[
            "cartofriches",
            "fonds-vert-friches",
            "partage-taxe-amenagement",
        ],
    );
    assert_prerequisite(&p, "cartofriches", "fonds-vert-friches");
    // Inventory done and land observed: not proposed again.
    assert_lacks(
        &p,
        &[
            "inventaire-zae",
            "observation-fonciere",
            "sites-cles-en-main",
        ],
    );
}

#[test]
fn development_tax_already_shared_is_excluded_with_its_reason() {
    let cat = catalogue();
    let mut a = parcours_e2e::scenario("costly_brownfield_unshared_tax");
    a.insert("fon-taxe".into(), Answer::Option("oui".into()));
    let p = pathway_for(cat, &a);
    assert_has(&p, &["fonds-vert-friches"]);
    assert_excluded(&p, "partage-taxe-amenagement");
}

/// Des services déconcentrés qui appliquent le ZAN comme un objectif brut et
/// immédiat, un besoin de grands terrains, un PLU qui ne protège pas l'industrie.
#[test]
fn state_services_block_extension_under_zan() {
    let p = scenario("state_services_block_extension");
    assert_has(
        &p,
        &[
            "sites-cles-en-main",
            "urbanisme-industrie",
            "observation-fonciere",
        ],
    );
    assert_apart(&p, "doctrine-sobriete-fonciere", Standing::Proposition);
    assert_prerequisite(&p, "inventaire-zae", "sites-cles-en-main");
    assert_lacks(
        &p,
        &[
            "baux-construction",
            "parc-industriel-public",
            "partage-taxe-amenagement",
        ],
    );
    // The 50-hectare threshold of the note, from a number answer.
    let sites = p
        .steps
        .iter()
        .flat_map(|s| s.modules.iter())
        .find(|m| m.id == "sites-cles-en-main")
        .unwrap();
    let reason = sites
        .reasons
        .iter()
        .find(|r| r.rule == "grand-site-introuvable")
        .expect("the largest available site is under 50 ha");
    assert!(
        reason
            .triggers
            .iter()
            .any(|t| t.question == "fon-grand-site" && t.answer == "20 hectares"),
        "{:?}",
        reason.triggers
    );
}

/// Une ville moyenne en Action Cœur de Ville avec un site historique à
/// transformer en tiers-lieu productif, et beaucoup de petites entreprises.
#[test]
fn historic_site_to_become_a_productive_third_place() {
    let p = scenario("historic_site_for_productive_third_place");
    assert_has(&p, &["articulation-acv-pvd"]);
    assert_apart(&p, "manufactures-proximite", Standing::Closed);
    let m = p
        .not_actionable
        .iter()
        .find(|m| m.id == "manufactures-proximite")
        .unwrap();
    assert!(
        m.reasons.len() >= 2,
        "site historique and petites entreprises both count: {:?}",
        m.reasons
    );
    assert_lacks(
        &p,
        &[
            "sites-cles-en-main",
            "inventaire-zae",
            "observation-fonciere",
            "scan-industrie-40",
        ],
    );
    assert!(p.module_count() <= 5, "{:?}", ids(&p));
}

// ------------------------------------------------------------------ compétences

/// Un bassin industriel rural qui manque d'ouvriers qualifiés, sans formation
/// ni enseignement supérieur à proximité, sans GPECT.
#[test]
fn industrial_basin_short_of_skilled_workers_without_training_nearby() {
    let p = scenario("basin_short_of_skilled_workers_without_training");
    assert_has(
        &p,
        &[
            "gpect",
            "coordination-france-travail",
            "plateaux-techniques",
            "cnam-coeur-territoires",
        ],
    );
    assert_apart(&p, "ecoles-production", Standing::Closed);
    assert_apart(&p, "campus-connecte", Standing::Closed);
    assert_lacks(
        &p,
        &[
            "vte",
            "quartiers-productifs",
            "sensibilisation-jeunes",
            "animation-gpect",
            "observation-fonciere",
        ],
    );
}

/// Des cadres et techniciens qui hésitent à venir : logement, conjoint,
/// mobilité ; une GPECT déjà animée.
#[test]
fn newcomers_hesitate_to_settle_in_the_territory() {
    let p = scenario("newcomers_hesitate_to_settle");
    assert_has(
        &p,
        &["vte", "postes-cles-en-main", "logement-mobilite-salaries"],
    );
    assert_lacks(
        &p,
        &[
            "gpect",
            "ecoles-production",
            "campus-connecte",
            "insertion-metiers-industriels",
        ],
    );
}

/// Un territoire urbain avec des quartiers prioritaires, des jeunes éloignés
/// de l'emploi et peu d'actions d'orientation vers l'industrie.
#[test]
fn urban_basin_with_priority_neighbourhoods() {
    let p = scenario("urban_priority_neighbourhoods");
    assert_has(
        &p,
        &[
            "quartiers-productifs",
            "insertion-metiers-industriels",
            "sensibilisation-jeunes",
            "coordination-france-travail",
        ],
    );
    assert_before(
        &p,
        "coordination-france-travail",
        "insertion-metiers-industriels",
    );
    assert_lacks(&p, &["gpect", "vte"]);
}

#[test]
fn no_priority_neighbourhood_no_quartiers_productifs() {
    let cat = catalogue();
    let mut a = parcours_e2e::scenario("urban_priority_neighbourhoods");
    a.insert("comp-qpv".into(), Answer::Option("non".into()));
    let p = pathway_for(cat, &a);
    assert_lacks(&p, &["quartiers-productifs"]);
    assert_has(&p, &["insertion-metiers-industriels"]);
}

// ------------------------------------------------------------------ transitions

/// Une zone portuaire dont les industriels rejettent de la chaleur, flux mal
/// connus, démarche d'écologie industrielle envisagée.
#[test]
fn port_zone_with_waste_heat() {
    let p = scenario("port_zone_with_waste_heat");
    assert_has(
        &p,
        &[
            "observation-flux-ademe",
            "chaleur-fatale",
            "eit",
            "eit-feuille-mission",
            "fonds-vert-territoires-industrie",
        ],
    );
    assert_prerequisite(&p, "observation-flux-ademe", "chaleur-fatale");
    assert_prerequisite(&p, "observation-flux-ademe", "eit");
    assert_lacks(
        &p,
        &[
            "ecosystemes-hydrogene",
            "bati-machines",
            "articulation-crte-pcaet",
            "animation-boucles-eit",
        ],
    );
}

/// Comme à Redon : hydrogène, filière verte et commande publique locale.
#[test]
fn hydrogen_project_backed_by_public_procurement() {
    let p = scenario("hydrogen_green_industry");
    assert_has(
        &p,
        &[
            "commande-publique-filieres-vertes",
            "formations-filieres-vertes",
        ],
    );
    assert_apart(&p, "ecosystemes-hydrogene", Standing::Closed);
    assert_apart(&p, "academies-industrielles", Standing::Proposition);
    assert_lacks(
        &p,
        &["chaleur-fatale", "observation-flux-ademe", "bati-machines"],
    );
}

/// Comme à Lorient : des sites vieillissants et énergivores ; le programme
/// « bâti & machines » s'appuie sur l'inventaire des ZAE. Le thème foncier
/// n'a pas été exploré : personne n'a pu dire si l'inventaire est fait, il
/// n'est donc pas une étape mais « à vérifier » sur le module qui en a
/// besoin.
#[test]
fn ageing_sites_rely_on_the_zae_inventory() {
    let p = scenario("ageing_sites_bati_machines");
    assert_has(&p, &["bati-machines"]);
    assert_apart(&p, "contrat-modernisation", Standing::Proposition);
    assert_lacks(&p, &["inventaire-zae"]);
    let bati = p.module("bati-machines").unwrap();
    assert_eq!(bati.to_check, ["inventaire-zae"]);
    // The flows are already known: the ADEME observation is not proposed again.
    assert_excluded(&p, "observation-flux-ademe");
    // Once the foncier theme is explored and the inventory not begun, it
    // is a step again, before the programme.
    let cat = catalogue();
    let mut a = parcours_e2e::scenario("ageing_sites_bati_machines");
    a.insert(
        "themes".into(),
        Answer::Options(vec!["foncier".into(), "transition-ecologique".into()]),
    );
    a.insert(
        "fon-inventaire".into(),
        Answer::Option("pas-commence".into()),
    );
    let p = pathway_for(cat, &a);
    assert_prerequisite(&p, "inventaire-zae", "bati-machines");
    assert!(p.module("bati-machines").unwrap().to_check.is_empty());
}

/// PME en retard sur l'industrie 4.0 : scan de la CCI d'abord, Bpifrance ensuite.
#[test]
fn smes_lagging_on_industry_4_0() {
    let p = scenario("sme_lagging_industry_4_0");
    assert_has(
        &p,
        &[
            "scan-industrie-40",
            "accompagnement-bpifrance",
            "demonstrateurs-tiers-lieux",
        ],
    );
    assert_apart(&p, "feuille-route-technologique", Standing::Proposition);
    assert_prerequisite(&p, "scan-industrie-40", "accompagnement-bpifrance");
    // A proposal without a scheme is never recommended.
    assert_lacks(
        &p,
        &[
            "equipements-productifs-france-2030",
            "manufactures-proximite",
        ],
    );
}

/// Sous-traitants de l'automobile dans un Territoire d'industrie : l'énergie
/// pèse, les équipements ne se financent pas. L'axe du fonds vert dédié aux
/// Territoires d'industrie est une étape ; Rebond industriel, clos, est à
/// surveiller, et les « courroies de financements » une demande de la note.
#[test]
fn automotive_suppliers_hit_by_energy_costs() {
    let p = scenario("automotive_suppliers_hit_by_energy_costs");
    assert_has(
        &p,
        &[
            "fonds-vert-territoires-industrie",
            "accompagnement-bpifrance",
        ],
    );
    assert_apart(&p, "rebond-industriel", Standing::Closed);
    assert_apart(
        &p,
        "equipements-productifs-france-2030",
        Standing::Proposition,
    );
    // Propositions first, then what is closed.
    let apart: Vec<Standing> = p.not_actionable.iter().map(|m| m.standing).collect();
    assert!(apart.is_sorted(), "{apart:?}");
    let rebond = p
        .not_actionable
        .iter()
        .find(|m| m.id == "rebond-industriel")
        .unwrap();
    assert!(rebond
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://")));
    assert!(!rebond.access.is_empty());
    every_recommended_module_has_a_reason(&p);
}

// ------------------------------------------------------------------ gouvernance

/// Un Territoire d'industrie dont le binôme de 2019 s'est dissous, sans comité
/// de pilotage, plan d'actions jamais revu ; chef de projet en poste et financé.
#[test]
fn ti_whose_binome_dissolved_in_2020() {
    let p = scenario("binome_dissolved_since_2020");
    assert_has(
        &p,
        &[
            "binome-copil",
            "plan-actions",
            "suivi-plan-actions",
            "dataviz-ti",
        ],
    );
    assert_prerequisite(&p, "binome-copil", "plan-actions");
    assert_prerequisite(&p, "plan-actions", "suivi-plan-actions");
    assert_excluded(&p, "chef-projet-ti");
}

#[test]
fn uncertain_funding_of_the_project_lead_brings_it_back() {
    let cat = catalogue();
    let mut a = parcours_e2e::scenario("binome_dissolved_since_2020");
    a.insert(
        "gouv-chef-projet-financement".into(),
        Answer::Option("incertain".into()),
    );
    let p = pathway_for(cat, &a);
    assert_has(&p, &["chef-projet-ti"]);
    assert_apart(&p, "contractualisation-region-etat", Standing::Proposition);
    assert!(p.excluded.iter().all(|e| e.module != "chef-projet-ti"));
}

/// Une communauté de communes hors Territoire d'industrie qui veut rejoindre
/// la démarche : les questions réservées aux TI sont masquées, et leurs
/// réponses ignorées.
#[test]
fn territory_wishing_to_join_the_programme() {
    let p = scenario("territory_wishing_to_join");
    assert_has(&p, &["binome-copil", "plan-actions", "reperage-projets"]);
    // The call for the programme's current phase is closed: to follow.
    assert_apart(&p, "perimetre-ti", Standing::Closed);
    assert_apart(&p, "club-ti", Standing::Proposition);
    assert_prerequisite(&p, "binome-copil", "plan-actions");
    // The note's first recommendation, for a territory that wants to join.
    let chef = p.module("chef-projet-ti").unwrap();
    let rules: Vec<&str> = chef.reasons.iter().map(|r| r.rule.as_str()).collect();
    // « gouv-chef-projet » is only asked inside a TI: its stale answer counts for nothing.
    assert_eq!(rules, ["ti-rejoindre-chef-projet"]);
    assert!(p.excluded.is_empty(), "{:?}", p.excluded);
}

// ------------------------------------------------------------------ controls

/// Negative control: a territory with no difficulty, every theme explored,
/// three « Je ne sais pas »: nothing is urgent, and the short pathway holds
/// only the diagnostics that answer what it does not know, and one
/// complement (its active industrial ecology, to keep alive).
#[test]
fn no_difficulty_gets_a_short_pathway() {
    let p = scenario("no_difficulty");
    assert!(p.nothing_urgent);
    assert!(p.priorities.is_empty());
    assert!(
        p.module_count() <= 4,
        "{} modules: {:?}",
        p.module_count(),
        ids(&p)
    );
    let unknowns: Vec<&str> = p.unknowns.iter().map(|u| u.question.as_str()).collect();
    assert_eq!(unknowns, ["fon-observatoire", "eco-flux", "num-scan"]);
    for m in p.modules() {
        assert!(
            m.reasons.iter().all(|r| r.is_uncertain() || r.weight == 1),
            "« {} » answers a need: {:?}",
            m.id,
            m.reasons
        );
    }
    assert_lacks(
        &p,
        &["inventaire-zae", "gpect", "chef-projet-ti", "binome-copil"],
    );
    // Answered, the three questions leave the complement only.
    let cat = catalogue();
    let mut a = parcours_e2e::scenario("no_difficulty");
    a.insert("fon-observatoire".into(), Answer::Option("oui".into()));
    a.insert("eco-flux".into(), Answer::Option("oui".into()));
    a.insert("num-scan".into(), Answer::Option("la-plupart".into()));
    let p = pathway_for(cat, &a);
    assert!(p.nothing_urgent && p.unknowns.is_empty());
    assert_eq!(ids(&p), ["animation-boucles-eit"]);
}

/// Only « Je ne sais pas » in the themes chosen: the pathway proposes the
/// diagnostics that start each theme, not the whole catalogue.
#[test]
fn unknown_everywhere_proposes_the_diagnostics_only() {
    let cat = catalogue();
    let mut a: Answers = parcours_e2e::scenario("no_difficulty")
        .into_iter()
        .filter(|(q, _)| q.starts_with("profil-") || q == "themes")
        .collect();
    for q in cat.questions() {
        if q.allow_unknown && !q.id.starts_with("profil-") {
            a.insert(q.id.clone(), Answer::Unknown);
        }
    }
    let p = pathway_for(cat, &a);
    assert_has(&p, &["inventaire-zae", "observation-flux-ademe"]);
    assert!(
        p.module_count() <= 4,
        "{} modules: {:?}",
        p.module_count(),
        ids(&p)
    );
    for s in &p.steps {
        assert_eq!(s.id, "diagnostiquer", "only diagnostics: {:?}", ids(&p));
    }
}

#[test]
fn same_answers_same_pathway() {
    let cat = catalogue();
    let a = parcours_e2e::scenario("full_zae_refusing_implantations");
    assert_eq!(pathway_for(cat, &a), pathway_for(cat, &a));
}
