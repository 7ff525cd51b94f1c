//! The QR code of the plan's link, drawn as one SVG path (qrcodegen, the
//! reference implementation's Rust port): printed beside the feuille de
//! route, so that the plan reopens from paper.

use leptos::prelude::*;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// Quiet zone around the code, in modules (the standard asks for 4).
const BORDER: i32 = 4;

/// The SVG path of `text`'s QR code and its side in modules, quiet zone
/// included; `None` when the text is too long for any QR code.
pub fn path(text: &str) -> Option<(String, i32)> {
    // The smallest code at low correction (7 %), its correction then
    // raised as far as that size allows (qrcodegen's boost): fewer, larger
    // modules on paper for a long link.
    let code = Code::encode_text(text, QrCodeEcc::Low).ok()?;
    let mut d = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + BORDER, y + BORDER));
            }
        }
    }
    Some((d, code.size() + 2 * BORDER))
}

/// The printed side in millimetres: at least 0.4 mm a module, which a
/// phone reads from paper, within 35 to 90 mm.
pub fn printed_mm(side: i32) -> i32 {
    ((side * 2 + 4) / 5).clamp(35, 90)
}

/// - `link`: the link the code holds.
#[component]
pub fn QrCode(link: Memo<String>) -> impl IntoView {
    move || {
        match path(&link.get()) {
        Some((d, side)) => view! {
            <figure class="parcours-qr" id="qr-feuille">
                // The printed size (attributes: the strict CSP allows no
                // inline style); on screen, the style sheet's.
                <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {side} {side}") width=format!("{}mm", printed_mm(side)) height=format!("{}mm", printed_mm(side)) role="img" aria-labelledby="qr-feuille-legende" shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff"></rect>
                    <path d=d fill="#000"></path>
                </svg>
                <figcaption id="qr-feuille-legende">"QR code : scannez-le pour rouvrir cette feuille de route"</figcaption>
            </figure>
        }
        .into_any(),
        None => view! {
            <p class="parcours-qr-absent" id="qr-feuille">"Cette feuille de route est trop longue pour tenir dans un QR code : rouvrez-la avec le fichier exporté (JSON)."</p>
        }
        .into_any(),
    }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_path_and_a_huge_text_none() {
        let (d, side) = path("https://example.gouv.fr/ti/#/feuille-de-route?r=AbC").unwrap();
        assert!(d.starts_with('M') && d.ends_with('z'));
        assert!(side >= 21 + 8);
        assert_eq!(path(&"x".repeat(5000)), None);
        // A version 40 code (177 modules and the quiet zone) prints at
        // 74 mm, 0.4 mm a module; a short one at the 35 mm floor.
        assert_eq!(printed_mm(185), 74);
        assert_eq!(printed_mm(29), 35);
    }
}
