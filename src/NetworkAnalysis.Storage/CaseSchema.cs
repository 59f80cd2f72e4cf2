namespace NetworkAnalysis.Storage;

/// <summary>The case file's SQLite schema.</summary>
/// <remarks>
/// Version 1. Spans are UTF-16 offsets into <c>ads.text</c>; a mention derived from a field rather than the
/// text (the poster account, a precomputed image hash) has <c>start</c> and <c>end</c> NULL and names the
/// field in <c>extractor</c> (<c>field:poster</c>). Risk scores are keyed by cluster and the SHA-256 of the
/// indicator file (whose bytes are kept in <c>indicator_sets</c>); <c>clusters_run_id</c> tells whether they
/// were computed for the current clustering. <c>cluster_components</c> names the strong-link component of each current
/// cluster (what incremental analysis reuses) and <c>hub_entities</c> the identifiers the current clustering treated as
/// hubs (what risk scoring ignores as evidence); both are replaced with the clusters, and both are created on opening
/// a case written before they existed (an old case simply has no rows until its next analysis).
/// <c>cluster_cohesion</c> holds each current cluster's cohesion and <c>entity_groups</c> the linking identifiers that
/// touched two or more groups when the hubs were judged (their link weight is divided by that count), so that every host
/// reads the analysis instead of recomputing it; both are replaced with the clusters.
/// <c>ads.ad_key</c> and <c>entities(type, value)</c> are unique through named indexes in a case created since #21's change 9
/// (<see cref="Keys"/>), through their tables' constraints in one created before.
/// <c>ads_facts</c> (city, posting time) and <c>mentions_ad</c> (ad, entity) are covering indexes for the analysis's full scans
/// (#21, session 16): they hold what the load reads of a 10 GB ads table and a 2 GB mentions table at ten million ads in a
/// twentieth and a third of the pages. A case created before has <c>mentions_ad</c> on the ad alone (kept: the scans read the
/// table then) and gets <c>ads_facts</c> on its first read-write open.
/// <c>ads.ad_key</c> is site/id (<c>AdKey</c>), so its UNIQUE makes each (site, ad_id) unique as well; a case written before
/// #21's change 5 also has a <c>UNIQUE (site, ad_id)</c> index, which never rejects a row the key does not. <c>ads.raw</c>
/// is stored without the values of the ad's own columns (<see cref="AdRawRow"/>); read it through <c>ad_raw(…)</c>.
/// <c>ad_images</c> holds one row per image an ad names (its path
/// relative to the input file, or NULL for a precomputed hash) with the SHA-256 and the 64-bit pHash/dHash
/// (stored as signed integers, bit pattern kept), or the reason it could not be read in <c>error</c>.
/// <c>ad_versions</c> holds each later capture of an ad whose content differs from the first (a re-crawl that changed
/// text, phone or photos): version 1, 2, … with its source and capture time; the first capture stays in <c>ads</c>. Identifiers
/// first seen in a version are mentions of the ad without a span, their extractor prefixed <c>vN:</c>.
/// <c>photo_urls</c> maps the canonical URL of each photo whose bytes an ingest held (a crawl's image responses, a mirrored
/// folder's files) to its SHA-256 and pHash/dHash: an ad that knows a photo only by URL (<c>image</c> = <c>url:…</c>) gets the
/// photo's hash as a mention (extractor <c>photo-url</c>) and an <c>ad_images</c> row, whichever of the two arrived first.
/// <c>weak_links</c> holds the near-duplicate ad pairs (image or text) of the last analysis, ad_a &lt; ad_b.
/// <c>decisions</c> holds analysts' corrections (hub, never-hub, merge, split, not-same) with who, when, why and the
/// analysis run they were made on; <c>targets</c> is JSON (the identifier as <c>type:value</c>, the cluster IDs, and the
/// ad keys of each side as they were when decided; an imported one adds <c>imported</c>: file, source case, source ID
/// and run, and has no run_id here). A decision is undone by setting <c>undone_at</c>/<c>undone_by</c>,
/// never deleted; every analysis honours the decisions not undone (see <see cref="DecisionApplier"/>).
/// <c>phone_details</c> holds what libphonenumber said of each phone entity when an ingest created it (issue #19): ISO
/// region ('' when none), the offline geocoder's place in English ('' when none), the number type in words, and the
/// libphonenumber-csharp version whose metadata said it; a phone value that is not E.164 has no row. A case written before
/// the table existed is filled once on its next read-write open (meta <c>phone_details</c> = <c>stored</c> marks it done).
/// <c>users</c>, <c>invitations</c>, <c>signoffs</c> and <c>comments</c> are the team workbench's (see <c>CaseStore.Users.cs</c>):
/// accounts with a role and a password hash (never the password), one-time invitation tokens stored as SHA-256, reviewers'
/// sign-offs of a cluster's referral (the signed content kept with its hash, one row per version, never updated) and
/// comments or challenges of a decision; <c>sessions</c> the workbench's logins (the SHA-256 of the cookie, the user, the
/// session's CSRF token and its end), so that several <c>netan serve</c> processes share them. A case with no <c>users</c> row is served single-user, as before. Plain
/// INTEGER/TEXT columns and no SQLite-only functions, so the same statements run on PostgreSQL.
/// </remarks>
internal static class CaseSchema
{
    public const int Version = 1;

    /// <summary>The unique keys of <c>ads</c> (<c>ad_key</c>) and <c>entities</c> (type, value) as named indexes: a case created
    /// since #21's change 9 has them instead of the tables' <c>UNIQUE</c> constraints (which a case created before keeps, as
    /// <c>sqlite_autoindex_ads_1</c> and <c>sqlite_autoindex_entities_1</c>), so that a bulk ingest, whose writer knows in memory
    /// which ads and identifiers it stored, can drop them and build them once at its end like the other random-order indexes.
    /// <see cref="CaseStore"/> creates each on every read-write open of a case whose table has no unique index on those columns
    /// (see <see cref="EnsureKeys"/>); the copy between stores carries them to PostgreSQL under the same names.</summary>
    public const string AdsKey = "CREATE UNIQUE INDEX IF NOT EXISTS ads_key ON ads(ad_key);";

    /// <inheritdoc cref="AdsKey"/>
    public const string EntitiesKey = "CREATE UNIQUE INDEX IF NOT EXISTS entities_type_value ON entities(type, value);";

    /// <summary>The named keys with their tables and a query that returns 1 when the table has a unique index on exactly the
    /// key's columns (the old constraint's or the named one).</summary>
    internal static readonly (string Name, string Table, string Create, string Exists)[] Keys =
    [
        ("ads_key", "ads", AdsKey, HasUniqueIndex("ads", "ad_key")),
        ("entities_type_value", "entities", EntitiesKey, HasUniqueIndex("entities", "type,value")),
    ];

    private static string HasUniqueIndex(string table, string columns) => $"""
        SELECT EXISTS (SELECT 1 FROM pragma_index_list('{table}') l WHERE l."unique" = 1
            AND (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = '{columns}');
        """;

    /// <summary>Creates each of <see cref="Keys"/> unless its table already has such a unique index (a case created before
    /// change 9 has its table constraint's): run after <see cref="Create"/> on every read-write open, so a bulk ingest killed
    /// before it rebuilt them leaves a case that gets them back, as the other deferred indexes do.</summary>
    internal static void EnsureKeys(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        foreach (var (_, _, create, exists) in Keys)
        {
            cmd.CommandText = exists;
            if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                continue;
            }

            cmd.CommandText = create;
            try
            {
                cmd.ExecuteNonQuery();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                // Duplicate keys, which only damage can leave (a doctor's salvage copies what it reads): the case works without
                // the index, as such a copy does, and doctor names it missing.
            }
        }
    }

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            format TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            completed_at TEXT,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_added INTEGER NOT NULL DEFAULT 0,
            rows_failed INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS ads (
            id INTEGER PRIMARY KEY,
            site TEXT NOT NULL,
            ad_id TEXT NOT NULL,
            ad_key TEXT NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            line INTEGER NOT NULL,
            posted_at TEXT,
            city TEXT, region TEXT, country TEXT,
            title TEXT, body TEXT,
            text TEXT NOT NULL,
            poster TEXT,
            images TEXT, image_hashes TEXT,
            price REAL, age INTEGER,
            attributes TEXT,
            raw TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ads_ad_id ON ads(ad_id);
        CREATE INDEX IF NOT EXISTS ads_facts ON ads(city, posted_at);
        CREATE TABLE IF NOT EXISTS entities (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS mentions (
            id INTEGER PRIMARY KEY,
            ad INTEGER NOT NULL REFERENCES ads(id),
            entity INTEGER NOT NULL REFERENCES entities(id),
            start INTEGER, end INTEGER,
            raw TEXT NOT NULL,
            extractor TEXT NOT NULL,
            confidence REAL NOT NULL);
        CREATE INDEX IF NOT EXISTS mentions_ad ON mentions(ad, entity);
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
        CREATE TABLE IF NOT EXISTS ad_attributes (
            id INTEGER PRIMARY KEY,
            ad INTEGER NOT NULL REFERENCES ads(id),
            kind TEXT NOT NULL, value TEXT NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL, raw TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ad_attributes_ad ON ad_attributes(ad);
        CREATE TABLE IF NOT EXISTS ingest_errors (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            line INTEGER NOT NULL, field TEXT, message TEXT NOT NULL,
            UNIQUE (source_id, line));
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            version TEXT NOT NULL,
            parameters TEXT NOT NULL,
            timings TEXT);
        CREATE TABLE IF NOT EXISTS clusters (
            id TEXT PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            size INTEGER NOT NULL,
            phones INTEGER NOT NULL,
            emails INTEGER NOT NULL,
            entities INTEGER NOT NULL,
            cities TEXT NOT NULL,
            city_count INTEGER NOT NULL,
            first_seen TEXT, last_seen TEXT);
        CREATE TABLE IF NOT EXISTS memberships (
            ad INTEGER PRIMARY KEY REFERENCES ads(id),
            cluster_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS memberships_cluster ON memberships(cluster_id);
        CREATE TABLE IF NOT EXISTS indicator_sets (
            sha256 TEXT PRIMARY KEY,
            content BLOB NOT NULL,
            first_used_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS scores (
            cluster_id TEXT NOT NULL,
            indicators_sha256 TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            clusters_run_id INTEGER NOT NULL,
            score REAL NOT NULL,
            needs_review INTEGER NOT NULL,
            contributions TEXT NOT NULL,
            PRIMARY KEY (cluster_id, indicators_sha256));
        CREATE INDEX IF NOT EXISTS scores_rank ON scores(indicators_sha256, score DESC);
        CREATE TABLE IF NOT EXISTS cluster_lineage (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            old_id TEXT,
            new_id TEXT,
            kind TEXT NOT NULL,
            shared_ads INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS cluster_lineage_old ON cluster_lineage(old_id);
        CREATE INDEX IF NOT EXISTS cluster_lineage_new ON cluster_lineage(new_id);
        CREATE TABLE IF NOT EXISTS cluster_components (
            cluster_id TEXT PRIMARY KEY,
            component_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS hub_entities (
            entity INTEGER PRIMARY KEY REFERENCES entities(id),
            run_id INTEGER NOT NULL REFERENCES runs(id),
            reason TEXT NOT NULL,
            ads INTEGER NOT NULL,
            groups_joined INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS cluster_cohesion (
            cluster_id TEXT PRIMARY KEY,
            cohesion REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS entity_groups (
            entity INTEGER PRIMARY KEY REFERENCES entities(id),
            groups_joined INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS ad_images (
            ad INTEGER NOT NULL REFERENCES ads(id),
            position INTEGER NOT NULL,
            path TEXT,
            sha256 TEXT, phash INTEGER, dhash INTEGER,
            error TEXT,
            PRIMARY KEY (ad, position));
        CREATE TABLE IF NOT EXISTS ad_versions (
            ad INTEGER NOT NULL REFERENCES ads(id),
            version INTEGER NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            line INTEGER NOT NULL,
            seen_at TEXT,
            content_sha256 TEXT NOT NULL,
            title TEXT, body TEXT, text TEXT NOT NULL, poster TEXT, city TEXT, region TEXT,
            price REAL, age INTEGER, images TEXT, image_hashes TEXT, attributes TEXT,
            raw TEXT NOT NULL,
            PRIMARY KEY (ad, version),
            UNIQUE (ad, content_sha256));
        CREATE TABLE IF NOT EXISTS photo_urls (
            url TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL, phash INTEGER, dhash INTEGER,
            source_id INTEGER NOT NULL REFERENCES sources(id));
        CREATE TABLE IF NOT EXISTS weak_links (
            ad_a INTEGER NOT NULL REFERENCES ads(id),
            ad_b INTEGER NOT NULL REFERENCES ads(id),
            kind TEXT NOT NULL,
            similarity REAL NOT NULL,
            PRIMARY KEY (ad_a, ad_b, kind));
        CREATE TABLE IF NOT EXISTS decisions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('hub', 'never-hub', 'merge', 'split', 'not-same')),
            targets TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            why TEXT NOT NULL CHECK (length(trim(why)) > 0),
            run_id INTEGER,
            undone_at TEXT,
            undone_by TEXT);
        CREATE TABLE IF NOT EXISTS phone_details (
            entity INTEGER PRIMARY KEY REFERENCES entities(id),
            region TEXT NOT NULL,
            location TEXT NOT NULL,
            number_type TEXT NOT NULL,
            metadata TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reviewer')),
            password_hash TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            disabled_at TEXT,
            disabled_by TEXT);
        CREATE TABLE IF NOT EXISTS invitations (
            token_sha256 TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            revoked_at TEXT);
        CREATE TABLE IF NOT EXISTS signoffs (
            id INTEGER PRIMARY KEY,
            cluster_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_sha256 TEXT NOT NULL,
            content TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT,
            UNIQUE (cluster_id, version));
        CREATE TABLE IF NOT EXISTS comments (
            id INTEGER PRIMARY KEY,
            cluster_id TEXT NOT NULL,
            decision_id INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('comment', 'challenge')),
            text TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS comments_cluster ON comments(cluster_id, id);
        CREATE TABLE IF NOT EXISTS sessions (
            token_sha256 TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            csrf TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL);
        """;
}
