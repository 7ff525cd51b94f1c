use leptos::prelude::*;

/// The RGAA accessibility declaration, in the standard form of the model
/// published with the RGAA 4.1.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Déclaration d'accessibilité"</h1>
        <p>
            "L'éditeur de Parcours Territoires d'industrie s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005."
        </p>
        <p>"Cette déclaration d'accessibilité s'applique à Parcours Territoires d'industrie."</p>

        <h2>"État de conformité"</h2>
        <p>
            "Parcours Territoires d'industrie est "
            <strong>"non conforme"</strong>
            " avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1, en raison de l'absence d'audit de conformité."
        </p>

        <h2>"Résultats des tests"</h2>
        <p>
            "Aucun audit de conformité n'a encore été réalisé. En attendant, chaque version de l'application est vérifiée automatiquement avant publication : chaque page est analysée avec l'outil axe-core dans un navigateur réel, et les parcours principaux sont testés au clavier seul."
        </p>

        <h2>"Contenus non accessibles"</h2>
        <h3>"Non-conformités"</h3>
        <p>
            "Aucune non-conformité n'est connue à ce jour ; la liste sera établie par l'audit de conformité."
        </p>
        <h3>"Dérogations pour charge disproportionnée"</h3>
        <p>"Aucune."</p>
        <h3>"Contenus non soumis à l'obligation d'accessibilité"</h3>
        <p>"Aucun."</p>

        <h2>"Établissement de cette déclaration"</h2>
        <p>"Cette déclaration a été établie le 26 novembre 2026."</p>
        <h3>"Technologies utilisées pour la réalisation du site"</h3>
        <ul>
            <li>"HTML5"</li>
            <li>"CSS"</li>
            <li>"WAI-ARIA"</li>
            <li>"JavaScript et WebAssembly"</li>
        </ul>
        <h3>"Environnement de test"</h3>
        <p>"Les vérifications automatiques sont faites avec le navigateur Chromium, sous Linux, sur des écrans de 320 pixels de large et plus."</p>
        <h3>"Outils pour évaluer l'accessibilité"</h3>
        <ul>
            <li>"axe-core"</li>
            <li>"Navigation au clavier seul"</li>
        </ul>
        <h3>"Pages du site ayant fait l'objet de la vérification"</h3>
        <ul>
            <li>"Accueil"</li>
            <li>"À propos"</li>
            <li>"Déclaration d'accessibilité"</li>
            <li>"Mentions légales"</li>
            <li>"Données personnelles"</li>
        </ul>

        <h2>"Retour d'information et contact"</h2>
        <p>
            "Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du site qui publie ce service (voir ses mentions légales) pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme."
        </p>

        <h2>"Voies de recours"</h2>
        <p>
            "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services et vous n'avez pas obtenu de réponse satisfaisante."
        </p>
        <ul>
            <li>
                "Écrire un message au "
                <a href="https://formulaire.defenseurdesdroits.fr/" target="_blank" rel="noopener" title="Défenseur des droits, formulaire en ligne — nouvelle fenêtre">
                    "Défenseur des droits"
                </a>
            </li>
            <li>
                "Contacter le délégué du Défenseur des droits dans votre région (voir "
                <a href="https://www.defenseurdesdroits.fr/" target="_blank" rel="noopener" title="defenseurdesdroits.fr — nouvelle fenêtre">
                    "defenseurdesdroits.fr"
                </a>
                ")"
            </li>
            <li>
                "Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07"
            </li>
        </ul>
    }
}
