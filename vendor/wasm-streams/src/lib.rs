//! The part of wasm-streams 0.5's API that `server_fn` (a dependency of
//! Leptos) calls: a streaming request body (`ReadableStream::from_stream`)
//! and a streaming response (`ReadableStream::into_stream`). Parcours TI
//! defines no server function, so neither is ever called; should one be,
//! it aborts instead of misbehaving. See this crate's Cargo.toml for why
//! the real crate is not used.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

/// The raw web-sys types, where wasm-streams has them.
pub mod readable {
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A JavaScript `ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

const NO_STREAMS: &str = "Parcours TI n'a pas de fonction serveur : pas de flux";

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A JavaScript stream fed by a Rust one: not available here (aborts).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("{NO_STREAMS}")
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The stream's chunks as a Rust stream: not available here (aborts
    /// when polled).
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::poll_fn(|_| panic!("{NO_STREAMS}"))
    }
}
