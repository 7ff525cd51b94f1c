//! Entry point of the bundle with the Atelier du catalogue (built with the
//! `atelier` feature; see Cargo.toml): mounts the app, nothing else.

fn main() {
    parcours_web::start();
}
