use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <h1 tabindex="-1">"Données personnelles"</h1>
        <p class="fr-text--lead">
            "Parcours Territoires d'industrie ne collecte aucune donnée personnelle : vos réponses restent dans votre navigateur."
        </p>

        <h2>"Ce qui est enregistré, et où"</h2>
        <p>
            "Vos réponses au diagnostic sont calculées et enregistrées uniquement sur votre appareil, dans le stockage local de votre navigateur (« localStorage »), pour vous permettre de reprendre votre diagnostic plus tard. Elles ne sont envoyées à aucun serveur, ni à l'éditeur du site, ni à un tiers."
        </p>
        <p>
            "Un lien de partage contient vos réponses sous une forme codée, dans la partie de l'adresse située après le signe « # » : cette partie n'est jamais transmise au serveur qui héberge le site. Seules les personnes à qui vous donnez le lien peuvent l'ouvrir."
        </p>

        <h2>"Ni cookie, ni mesure d'audience"</h2>
        <p>
            "Ce service ne dépose aucun cookie et n'utilise aucun outil de mesure d'audience ni aucune ressource d'un site tiers (police de caractères, bibliothèque, réseau social) : votre navigateur ne contacte que le site qui l'héberge."
        </p>

        <h2>"Effacer vos réponses"</h2>
        <p>
            "Vous pouvez effacer vos réponses à tout moment en effaçant les données de ce site dans les réglages de votre navigateur. En navigation privée, rien n'est conservé après la fermeture de la fenêtre."
        </p>

        <h2>"Journaux du serveur"</h2>
        <p>
            "Comme pour toute page web, le serveur qui héberge ce site peut enregistrer des journaux techniques de connexion (adresse IP, page demandée, date). Ces journaux relèvent de l'hébergeur du site ; voir les "
            <a href=Route::Legal.href()>"mentions légales"</a>
            "."
        </p>
    }
}
