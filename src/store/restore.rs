//! Putting a `backup` copy back in place of the SQLite database, as one checked step: refused
//! while another process has the database open or when the copy is not a database of this
//! service that this binary can run; the copy is checked as a file beside the database and
//! renamed over it (atomic on one file system); the database it replaces, with its write-ahead
//! log, is kept beside it under another name. A write-ahead log left beside a database belongs
//! to that database only: applied to another file it corrupts it, which is why the `-wal` and
//! `-shm` files go with the replaced database, never stay with the restored one.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::Db;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// `path` with `suffix` appended to its file name (`db` + `-wal` = `db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The process id of another process that has the SQLite database at `path` open, if one has.
///
/// A connection in WAL mode (every connection of this service) holds a read lock on a byte of
/// the `-shm` file for as long as it is open, so that the last one to close knows it is the
/// last; a transaction in any journal mode locks bytes of the database file itself. Both are
/// POSIX record locks, so `F_GETLK` on a whole file reports another process's lock, and never
/// one of this process. A process killed holds no lock: its stale `-shm` reads as free.
#[cfg(unix)]
pub fn held_by(path: &Path) -> std::io::Result<Option<i32>> {
    use std::os::fd::AsRawFd;
    for file in [with_suffix(path, "-shm"), path.to_path_buf()] {
        let f = match std::fs::File::open(&file) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        // SAFETY: F_GETLK on an open descriptor, with a zeroed flock it fills in.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as libc::c_short;
        lock.l_whence = libc::SEEK_SET as libc::c_short;
        lock.l_start = 0;
        lock.l_len = 0;
        if unsafe { libc::fcntl(f.as_raw_fd(), libc::F_GETLK, &mut lock) } == -1 {
            return Err(std::io::Error::last_os_error());
        }
        if lock.l_type != libc::F_UNLCK as libc::c_short {
            return Ok(Some(lock.l_pid));
        }
    }
    Ok(None)
}

#[cfg(not(unix))]
pub fn held_by(_path: &Path) -> std::io::Result<Option<i32>> {
    Ok(None)
}

/// Refuse when another process has the database at `path` open (the service, a command).
pub fn refuse_if_open(path: &Path, doing: &str) -> Result<()> {
    if let Some(pid) =
        held_by(path).with_context(|| format!("checking whether {} is open", path.display()))?
    {
        bail!(
            "{} is open in process {pid} (the service, or another solarintel command): stop it \
             first (`systemctl stop solarintel`); {doing}",
            path.display()
        );
    }
    Ok(())
}

/// What a restore put in place.
#[derive(Debug)]
pub struct Restored {
    /// The size of the restored database.
    pub bytes: u64,
    /// The latest migration the copy had applied, and how many this binary would still apply.
    pub migration: i64,
    pub pending: usize,
    pub users: i64,
    pub conversations: i64,
    pub messages: i64,
    /// Where the database that was in place is kept (with its `-wal`, if it had one).
    pub replaced: Option<PathBuf>,
}

/// What a copy holds, read from the copy itself.
struct Checked {
    migration: i64,
    pending: usize,
    users: i64,
    conversations: i64,
    messages: i64,
}

/// Put the SQLite database `copy` in place of `database` (see the module's comment). `stamp`
/// names the kept database: `<database>.replaced-<stamp>`.
pub async fn restore(database: &Path, copy: &Path, stamp: &str) -> Result<Restored> {
    if !copy.is_file() {
        bail!("{}: no such file", copy.display());
    }
    if database.exists()
        && std::fs::canonicalize(database)? == std::fs::canonicalize(copy).unwrap_or_default()
    {
        bail!(
            "{} is the database itself: name the backup copy to restore",
            copy.display()
        );
    }
    let mut header = [0u8; 16];
    {
        use std::io::Read;
        let mut f =
            std::fs::File::open(copy).with_context(|| format!("opening {}", copy.display()))?;
        if f.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
            bail!(
                "{} is not a SQLite database (restore takes a copy written by `solarintel backup`)",
                copy.display()
            );
        }
    }
    let copy_wal = with_suffix(copy, "-wal");
    if std::fs::metadata(&copy_wal).is_ok_and(|m| m.len() > 0) {
        bail!(
            "{} has a write-ahead log beside it ({}): it is a live database or a plain copy of \
             one, not a whole copy on its own; restore a copy written by `solarintel backup`",
            copy.display(),
            copy_wal.display()
        );
    }
    refuse_if_open(copy, "restore reads a copy no one is writing")?;
    refuse_if_open(
        database,
        "restore replaces the database only while no one has it open",
    )?;

    let dir = match database.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        bail!("{}: no such folder", dir.display());
    }
    let name = database
        .file_name()
        .context("the database path names no file")?
        .to_string_lossy()
        .into_owned();
    // The copy is checked where it will live: in the database's folder, so the last step is a
    // rename within one file system.
    let staged = dir.join(format!(".{name}.restoring-{}", std::process::id()));
    let result = stage_and_swap(database, copy, &staged, stamp).await;
    if result.is_err() {
        for f in [
            staged.clone(),
            with_suffix(&staged, "-wal"),
            with_suffix(&staged, "-shm"),
        ] {
            std::fs::remove_file(f).ok();
        }
    }
    result
}

async fn stage_and_swap(
    database: &Path,
    copy: &Path,
    staged: &Path,
    stamp: &str,
) -> Result<Restored> {
    std::fs::copy(copy, staged)
        .with_context(|| format!("copying {} to {}", copy.display(), staged.display()))?;
    let checked = check(staged, copy).await?;
    same_owner_and_mode(database, staged)?;
    std::fs::File::open(staged)?.sync_all()?;

    // Checked: now the swap. Nothing may have opened the database meanwhile.
    refuse_if_open(
        database,
        "restore replaces the database only while no one has it open",
    )?;
    let mut replaced = None;
    if database.exists() {
        let kept = with_suffix(database, &format!(".replaced-{stamp}"));
        if kept.exists() {
            bail!("{} exists already", kept.display());
        }
        // A second name for the old database (a copy where links are not possible); its log
        // goes with it under the matching name, so the pair stays whole and can be opened.
        if std::fs::hard_link(database, &kept).is_err() {
            std::fs::copy(database, &kept)
                .with_context(|| format!("keeping {} as {}", database.display(), kept.display()))?;
        }
        let wal = with_suffix(database, "-wal");
        if wal.exists() {
            std::fs::rename(&wal, with_suffix(&kept, "-wal"))
                .with_context(|| format!("moving {} aside", wal.display()))?;
        }
        replaced = Some(kept);
    }
    let shm = with_suffix(database, "-shm");
    if shm.exists() {
        std::fs::remove_file(&shm).with_context(|| format!("removing {}", shm.display()))?;
    }
    std::fs::rename(staged, database).with_context(|| {
        format!(
            "putting the checked copy {} in place of {}",
            staged.display(),
            database.display()
        )
    })?;
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        // (The rename is durable once the folder is.)
        if let Ok(d) = std::fs::File::open(dir) {
            d.sync_all().ok();
        }
    }
    Ok(Restored {
        bytes: std::fs::metadata(database)?.len(),
        migration: checked.migration,
        pending: checked.pending,
        users: checked.users,
        conversations: checked.conversations,
        messages: checked.messages,
        replaced,
    })
}

/// The restored file gets the owner and permissions of the database it replaces, so the
/// service's user can still write it when an operator restores as root.
#[cfg(unix)]
fn same_owner_and_mode(database: &Path, staged: &Path) -> Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Ok(was) = std::fs::metadata(database) else {
        return Ok(());
    };
    std::fs::set_permissions(staged, std::fs::Permissions::from_mode(was.mode() & 0o7777))?;
    let now = std::fs::metadata(staged)?;
    if (now.uid(), now.gid()) != (was.uid(), was.gid()) {
        std::os::unix::fs::chown(staged, Some(was.uid()), Some(was.gid())).with_context(|| {
            format!(
                "giving the restored copy the owner of {} (uid {}): run restore as root or as \
                 that user",
                database.display(),
                was.uid()
            )
        })?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn same_owner_and_mode(_database: &Path, _staged: &Path) -> Result<()> {
    Ok(())
}

/// Open the staged copy and check it: SQLite's own structural check, a database of this
/// service, not migrated by a newer binary. `shown` is the name the messages give it.
async fn check(staged: &Path, shown: &Path) -> Result<Checked> {
    let opts = SqliteConnectOptions::new()
        .filename(staged)
        .create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .with_context(|| format!("opening {}", shown.display()))?;
    let result = check_open(&pool, shown).await;
    // Closing the only connection checkpoints and removes the staged copy's log, if it made one.
    pool.close().await;
    result
}

async fn check_open(pool: &sqlx::SqlitePool, shown: &Path) -> Result<Checked> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await
        .with_context(|| format!("{} is not a readable SQLite database", shown.display()))?;
    if problems != ["ok"] {
        bail!(
            "{} is damaged (SQLite's quick_check: {})",
            shown.display(),
            problems
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let users_table: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'fastapi_users'",
    )
    .fetch_one(pool)
    .await?;
    if users_table == 0 {
        bail!(
            "{} is a SQLite database but not one of this service (it has no fastapi_users table)",
            shown.display()
        );
    }
    let db = Db::Sqlite(pool.clone());
    let state = db.migration_state().await?;
    if let Some(v) = state.unknown.first() {
        bail!(
            "{} was migrated by a newer solarintel (its migration {v} is unknown to this \
             binary): restore it with that version or a newer one",
            shown.display()
        );
    }
    let migration: i64 = if state.applied == 0 {
        0
    } else {
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await?
    };
    let count = |table: &'static str| async move {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let n: Result<i64, sqlx::Error> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(pool)
            .await;
        n.unwrap_or(0)
    };
    Ok(Checked {
        migration,
        pending: state.pending,
        users: count("fastapi_users").await,
        conversations: count("fastapi_conversations").await,
        messages: count("fastapi_messages").await,
    })
}
