//! Entry point: mounts the app, nothing else (see `parcours_web::App`).

fn main() {
    parcours_web::start();
}
