use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn LegalPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Mentions légales"</h1>

        <h2>"Éditeur et hébergement"</h2>
        <p>
            "Parcours Territoires d'industrie est un service publié sur un site de l'État. L'éditeur, le directeur de la publication et l'hébergeur sont ceux du site gouvernemental qui publie ce service : leurs coordonnées figurent dans les mentions légales de ce site."
        </p>
        <p>
            "L'application ne fait appel à aucun autre hébergeur ni à aucun service tiers : elle est constituée de fichiers statiques servis par ce seul site."
        </p>

        <h2>"Contenus"</h2>
        <p>
            "Le catalogue des services s'appuie sur la note de position d'Intercommunalités de France consacrée aux Territoires d'industrie et sur les sites officiels des opérateurs cités. Chaque service indique sa source. Les informations présentées ont une valeur d'orientation : les conditions d'accès aux dispositifs sont celles que fixent leurs opérateurs."
        </p>

        <h2>"Propriété intellectuelle"</h2>
        <p>
            "Sauf mention contraire, les contenus de ce site sont proposés sous licence etalab-2.0 (licence ouverte). Le bloc-marque « République française », la Marianne et la police Marianne sont réservés aux sites de l'État : ils ne peuvent pas être réutilisés en dehors de ce cadre."
        </p>

        <h2>"Liens vers d'autres sites"</h2>
        <p>
            "Les liens vers les sites des opérateurs s'ouvrent sur leurs pages d'accueil officielles ; le contenu de ces sites relève de leurs éditeurs."
        </p>

        <h2>"Accessibilité et données personnelles"</h2>
        <p>
            "Voir la "
            <a href=Route::Accessibility.href()>"déclaration d'accessibilité"</a>
            " et la page "
            <a href=Route::Privacy.href()>"Données personnelles"</a>
            "."
        </p>
    }
}
