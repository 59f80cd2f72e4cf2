using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

/// <summary>The ingest's hot inserts (ads, entities, mentions, attributes, images) as SQLite statements prepared once per
/// ingest and bound by position, on the case's connection and inside its current transaction.</summary>
/// <remarks>
/// Issue #21: through <see cref="SqliteCommand"/> each row paid for looking up every parameter by name, inferring its type and,
/// for <c>RETURNING</c>, a data reader; about a fifth of the writer thread. The SQL and the rows are the same, so the case is
/// byte for byte what the commands wrote. A failing step throws the <see cref="SqliteException"/> the commands would.
/// </remarks>
internal sealed class CaseRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _ad;
    private readonly sqlite3_stmt _entity;
    private readonly sqlite3_stmt _mention;
    private readonly sqlite3_stmt _attribute;
    private readonly sqlite3_stmt _image;
    private readonly sqlite3_stmt _phone;
    private readonly Dictionary<string, byte[]> _names = new(StringComparer.Ordinal);

    public CaseRowWriter(SqliteConnection connection)
    {
        _db = connection.Handle!;
        _ad = Prepare("""
            INSERT OR IGNORE INTO ads(site, ad_id, ad_key, source_id, line, posted_at, city, region, country, title, body, text,
                                      poster, images, image_hashes, price, age, attributes, raw)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19);
            """);
        _entity = Prepare("INSERT INTO entities(type, value) VALUES (?1, ?2);");
        _mention = Prepare("INSERT INTO mentions(ad, entity, start, end, raw, extractor, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);");
        _attribute = Prepare("INSERT INTO ad_attributes(ad, kind, value, start, end, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
        _image = Prepare("INSERT OR IGNORE INTO ad_images(ad, position, path, sha256, phash, dhash, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);");
        _phone = Prepare("INSERT OR IGNORE INTO phone_details(entity, region, location, number_type, metadata) VALUES (?1, ?2, ?3, ?4, ?5);");
    }

    /// <summary>Inserts an ad unless its (site, id) is in the case; returns its row ID, or null when it was already there.</summary>
    public long? InsertAd(AdInsertRow row, long sourceId)
    {
        Text(_ad, 1, row.Site);
        Text(_ad, 2, row.AdId);
        Text(_ad, 3, row.Key);
        raw.sqlite3_bind_int64(_ad, 4, sourceId);
        raw.sqlite3_bind_int64(_ad, 5, row.Line);
        Text(_ad, 6, row.PostedAt);
        Text(_ad, 7, row.City);
        Text(_ad, 8, row.Region);
        Text(_ad, 9, row.Country);
        Text(_ad, 10, row.Title);
        Text(_ad, 11, row.Body);
        Text(_ad, 12, row.Text);
        Text(_ad, 13, row.Poster);
        Text(_ad, 14, row.Images);
        Text(_ad, 15, row.ImageHashes);
        Real(_ad, 16, row.Price);
        Integer(_ad, 17, row.Age);
        Text(_ad, 18, row.Attributes);
        Text(_ad, 19, row.Raw);
        Step(_ad);
        return raw.sqlite3_changes(_db) == 0 ? null : raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Inserts an entity and returns its row ID.</summary>
    public long InsertEntity(string type, string value)
    {
        Text(_entity, 1, type);
        Text(_entity, 2, value);
        Step(_entity);
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Stores a new phone entity's region, place, type and the metadata version that said them (issue #19).</summary>
    public void InsertPhoneDetails(long entity, NetworkAnalysis.Core.Extraction.Phones.PhoneNumberDetails details)
    {
        raw.sqlite3_bind_int64(_phone, 1, entity);
        Text(_phone, 2, details.Region);
        Text(_phone, 3, details.Location);
        Text(_phone, 4, details.Type);
        Text(_phone, 5, details.Metadata);
        Step(_phone);
    }

    /// <summary>Inserts a mention (start and end negative for one without a span), its raw text already UTF-8.</summary>
    public void InsertMention(long ad, long entity, int start, int end, byte[] rawText, string extractor, double confidence)
    {
        raw.sqlite3_bind_int64(_mention, 1, ad);
        raw.sqlite3_bind_int64(_mention, 2, entity);
        Integer(_mention, 3, start < 0 ? null : start);
        Integer(_mention, 4, end < 0 ? null : end);
        Text(_mention, 5, rawText);
        Text(_mention, 6, Name(extractor));
        raw.sqlite3_bind_double(_mention, 7, confidence);
        Step(_mention);
    }

    /// <summary>Inserts an attribute of an ad.</summary>
    public void InsertAttribute(long ad, string kind, string value, int start, int end, string rawText)
    {
        raw.sqlite3_bind_int64(_attribute, 1, ad);
        Text(_attribute, 2, Name(kind));
        Text(_attribute, 3, value);
        raw.sqlite3_bind_int64(_attribute, 4, start);
        raw.sqlite3_bind_int64(_attribute, 5, end);
        Text(_attribute, 6, rawText);
        Step(_attribute);
    }

    /// <summary>Inserts an image row of an ad unless its position is taken.</summary>
    public void InsertImage(long ad, int position, string? path, string? sha256, long? phash, long? dhash, string? error)
    {
        raw.sqlite3_bind_int64(_image, 1, ad);
        raw.sqlite3_bind_int64(_image, 2, position);
        Text(_image, 3, path);
        Text(_image, 4, sha256);
        Integer(_image, 5, phash);
        Integer(_image, 6, dhash);
        Text(_image, 7, error);
        Step(_image);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var stmt in new[] { _ad, _entity, _mention, _attribute, _image, _phone })
        {
            stmt.Dispose();
        }
    }

    private sqlite3_stmt Prepare(string sql) => SqliteStatements.Prepare(_db, sql);

    private void Step(sqlite3_stmt stmt) => SqliteStatements.Step(_db, stmt);

    private static void Text(sqlite3_stmt stmt, int index, string? value) => SqliteStatements.BindTextOrNull(stmt, index, value);

    /// <summary>Binds UTF-8 text. An empty value is bound as the empty string: an empty span has no address, which SQLite
    /// would take for NULL.</summary>
    private static void Text(sqlite3_stmt stmt, int index, byte[]? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(stmt, index);
        }
        else if (value.Length == 0)
        {
            raw.sqlite3_bind_text(stmt, index, string.Empty);
        }
        else
        {
            raw.sqlite3_bind_text(stmt, index, (ReadOnlySpan<byte>)value);
        }
    }

    /// <summary>The UTF-8 bytes of one of the few names (extractors, attribute kinds) bound on every row, encoded once.</summary>
    private byte[] Name(string name)
    {
        if (!_names.TryGetValue(name, out var bytes))
        {
            bytes = AdInsertRow.Utf8(name);
            _names[name] = bytes;
        }

        return bytes;
    }

    private static void Integer(sqlite3_stmt stmt, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(stmt, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(stmt, index);
        }
    }

    private static void Real(sqlite3_stmt stmt, int index, double? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_double(stmt, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(stmt, index);
        }
    }
}
