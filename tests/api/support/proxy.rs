//! A TCP relay in front of a dependency (PostgreSQL, Redis) that can hang, refuse and come back:
//! the faults the tests inject, without stopping the shared server other tests use.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub struct TcpProxy {
    pub addr: SocketAddr,
    target: String,
    frozen: Arc<AtomicBool>,
    accept: Mutex<Option<JoinHandle<()>>>,
    conns: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl TcpProxy {
    /// Relay a free local port to `target` ("host:port").
    pub async fn start(target: &str) -> TcpProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let p = TcpProxy {
            addr: listener.local_addr().unwrap(),
            target: target.to_string(),
            frozen: Arc::default(),
            accept: Mutex::new(None),
            conns: Arc::default(),
        };
        p.listen(listener);
        p
    }

    fn listen(&self, listener: TcpListener) {
        let (target, frozen, conns) =
            (self.target.clone(), self.frozen.clone(), self.conns.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let Ok(server) = TcpStream::connect(&target).await else {
                    return;
                };
                conns
                    .lock()
                    .unwrap()
                    .push(tokio::spawn(relay(client, server, frozen.clone())));
            }
        });
        *self.accept.lock().unwrap() = Some(task);
    }

    /// Bytes stop flowing both ways; connections stay open (a hung server).
    pub fn freeze(&self) {
        self.frozen.store(true, Ordering::SeqCst);
    }

    /// Stop listening and drop every relayed connection: the port refuses.
    pub fn refuse(&self) {
        if let Some(t) = self.accept.lock().unwrap().take() {
            t.abort();
        }
        self.drop_connections();
    }

    /// Relay again on the same port, with fresh connections.
    pub async fn restore(&self) {
        self.refuse();
        self.frozen.store(false, Ordering::SeqCst);
        // (The port was just released: bind again until the listener is gone.)
        for _ in 0..50 {
            if let Ok(l) = TcpListener::bind(self.addr).await {
                self.listen(l);
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("could not listen on {} again", self.addr);
    }

    fn drop_connections(&self) {
        for c in self.conns.lock().unwrap().drain(..) {
            c.abort();
        }
    }
}

async fn relay(client: TcpStream, server: TcpStream, frozen: Arc<AtomicBool>) {
    let (mut cr, mut cw) = client.into_split();
    let (mut sr, mut sw) = server.into_split();
    let f2 = frozen.clone();
    let up = async move {
        let mut buf = vec![0u8; 16384];
        while let Ok(n) = cr.read(&mut buf).await {
            if n == 0 || frozen.load(Ordering::SeqCst) || sw.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        std::future::pending::<()>().await
    };
    let down = async move {
        let mut buf = vec![0u8; 16384];
        while let Ok(n) = sr.read(&mut buf).await {
            if n == 0 || f2.load(Ordering::SeqCst) || cw.write_all(&buf[..n]).await.is_err() {
                break;
            }
        }
        std::future::pending::<()>().await
    };
    tokio::join!(up, down);
}
