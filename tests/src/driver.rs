//! The browser processes of a run, and their end.
//!
//! One chromedriver serves the whole process (started on first use). Each
//! browser session is ended by the `Browser` that owns it, when it is
//! dropped: at the end of its test, passed or failed, or while a panic
//! unwinds. Killing chromedriver alone would not do: a browser whose
//! session was never closed outlives it, adopted by PID 1. Whatever is still
//! running when the process exits (a session leaked, a browser slow to
//! quit) is ended by an `atexit` handler, found by the folder of this run
//! that its command line names (`--user-data-dir=<run dir>/profile-N`).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

struct Driver {
    port: u16,
    child: Mutex<Child>,
}

static DRIVER: OnceLock<Driver> = OnceLock::new();
static RUN_DIR: OnceLock<PathBuf> = OnceLock::new();
/// Sessions started and not yet ended: (session id, profile folder).
static OPEN: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());

/// The port of this process's chromedriver, started on first use.
pub(crate) fn port() -> u16 {
    DRIVER.get_or_init(start).port
}

fn start() -> Driver {
    run_dir();
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(chromedriver_path())
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver (`make test` installs Debian's chromium-driver)");
    let started = wait_for(Duration::from_secs(20), || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(started, "chromedriver did not start");
    Driver {
        port,
        child: Mutex::new(child),
    }
}

/// This run's folder (`$PARCOURS_E2E_TMP` or the system's temporary one,
/// then `parcours-e2e-<pid>`): browser profiles and scratch files. The
/// exit handler is registered with it, so that it is always removed.
pub(crate) fn run_dir() -> &'static Path {
    static AT_EXIT: Once = Once::new();
    let dir = RUN_DIR.get_or_init(|| {
        let base = std::env::var_os("PARCOURS_E2E_TMP")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        let dir = base.join(format!("parcours-e2e-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        dir
    });
    AT_EXIT.call_once(|| {
        // SAFETY: `at_exit` is a plain `extern "C"` function that catches
        // every panic of its own.
        unsafe { libc::atexit(at_exit) };
    });
    dir
}

/// Records a session as started: it is ended at exit if nothing else did.
pub(crate) fn opened(session: &str, profile: &Path) {
    lock(&OPEN).push((session.to_string(), profile.to_path_buf()));
}

/// Ends a session and its browser, and removes its profile. Never panics:
/// it runs while tests unwind.
pub(crate) fn end(session: &str) {
    let profile = {
        let mut open = lock(&OPEN);
        let Some(i) = open.iter().position(|(s, _)| s == session) else {
            return;
        };
        open.remove(i).1
    };
    if let Some(driver) = DRIVER.get() {
        delete_session(driver.port, session);
    }
    // The browser quits within a second or two after the session ends; a
    // process still there at exit is ended by `at_exit`.
    let _ = std::fs::remove_dir_all(profile);
}

/// `DELETE /session/<id>`: chromedriver closes the browser. Plain blocking
/// HTTP, so that it works from `Drop` and from the exit handler, outside
/// any async runtime.
fn delete_session(port: u16, session: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let request = format!(
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        read_answer(&mut stream);
    }
}

/// Reads one HTTP answer to its end: chromedriver keeps the connection
/// open, so the end is its `Content-Length`, not the connection closing.
fn read_answer(stream: &mut TcpStream) {
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let Ok(n) = stream.read(&mut chunk) else {
            return;
        };
        if n == 0 {
            return;
        }
        received.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&received);
        let Some(end) = text.find("\r\n\r\n") else {
            continue;
        };
        let length = text[..end]
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse::<usize>().ok())?
            })
            .unwrap_or(0);
        if received.len() >= end + 4 + length {
            return;
        }
    }
}

extern "C" fn at_exit() {
    let _ = std::panic::catch_unwind(end_everything);
}

/// Every session still open is ended, chromedriver stops, and any process
/// that still names this run's folder is waited for, then killed.
fn end_everything() {
    let open: Vec<String> = lock(&OPEN).iter().map(|(s, _)| s.clone()).collect();
    for session in open {
        end(&session);
    }
    if let Some(driver) = DRIVER.get() {
        let mut child = lock(&driver.child);
        let _ = child.kill();
        let _ = child.wait();
    }
    let Some(dir) = RUN_DIR.get() else {
        return;
    };
    let needle = dir.display().to_string();
    if !wait_for(Duration::from_secs(10), || {
        processes_naming(&needle).is_empty()
    }) {
        for pid in processes_naming(&needle) {
            // SAFETY: a plain system call on a pid read from /proc.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        wait_for(Duration::from_secs(5), || {
            processes_naming(&needle).is_empty()
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Live processes whose command line contains `needle` (a zombie has none).
fn processes_naming(needle: &str) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmd| String::from_utf8_lossy(&cmd).contains(needle))
        })
        .collect()
}

/// Polls `done` every 50 ms for at most `within`; whether it came true.
fn wait_for(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    loop {
        if done() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A lock even if a panicking test poisoned it: the list stays valid.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

pub(crate) fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}
