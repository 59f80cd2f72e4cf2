using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    private const string PhoneDetailsMetaKey = "phone_details";
    private const string PhoneDetailsStoredValue = "stored";

    private bool? _phoneDetailsStored;

    /// <summary>Whether the case stores its phones' region, place and type (issue #19). False only for a case written before
    /// they were stored and opened read-only: <see cref="PhoneDetails"/> then computes them with this build's metadata.</summary>
    public bool PhoneDetailsStored => _phoneDetailsStored ??= GetMeta(PhoneDetailsMetaKey) == PhoneDetailsStoredValue;

    /// <summary>One line for the user when <see cref="PhoneDetailsStored"/> is false (say it once), else null.</summary>
    public string? PhoneDetailsNote => PhoneDetailsStored
        ? null
        : $"{Path} was written before phone details were stored and is opened read-only: phone region and type are computed with "
          + $"libphonenumber-csharp {PhoneNumberDetails.MetadataVersion} (open it writable once, or run `netan analyze`, to store them)";

    /// <summary>The stored region, place and type of phone numbers by E.164: of <paramref name="e164"/>, or of every phone of the
    /// case when null. A number that is not a phone entity of the case, or not E.164, is absent.</summary>
    /// <remarks>The one place every reader (lookup, show, reports, the workbench, risk scoring) takes them from. A case without
    /// stored details (see <see cref="PhoneDetailsStored"/>) gets them computed here instead, as they would be stored.</remarks>
    public IReadOnlyDictionary<string, PhoneNumberDetails> PhoneDetails(IEnumerable<string>? e164 = null)
    {
        var found = new Dictionary<string, PhoneNumberDetails>(StringComparer.Ordinal);
        var stored = PhoneDetailsStored;
        var phone = EntityType.Phone.ToName();
        if (e164 is null)
        {
            using var cmd = Command(stored
                ? "SELECT e.value, d.region, d.location, d.number_type, d.metadata FROM phone_details d JOIN entities e ON e.id = d.entity WHERE e.type = $t;"
                : "SELECT value FROM entities WHERE type = $t;");
            cmd.Parameters.AddWithValue("$t", phone);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (stored)
                {
                    found[r.GetString(0)] = Read(r);
                }
                else if (PhoneNumberDetails.Describe(r.GetString(0)) is { } d)
                {
                    found[d.E164] = d;
                }
            }

            return found;
        }

        using var one = Command(stored
            ? "SELECT e.value, d.region, d.location, d.number_type, d.metadata FROM entities e JOIN phone_details d ON d.entity = e.id WHERE e.type = $t AND e.value = $v;"
            : "SELECT value FROM entities WHERE type = $t AND value = $v;");
        one.Parameters.AddWithValue("$t", phone);
        var value = one.Parameters.AddWithValue("$v", "");
        foreach (var number in e164)
        {
            if (found.ContainsKey(number))
            {
                continue;
            }

            value.Value = number;
            using var r = one.ExecuteReader();
            if (!r.Read())
            {
                continue;
            }

            if (stored)
            {
                found[number] = Read(r);
            }
            else if (PhoneNumberDetails.Describe(number) is { } d)
            {
                found[number] = d;
            }
        }

        return found;

        static PhoneNumberDetails Read(System.Data.Common.DbDataReader r) =>
            new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)) { Metadata = r.GetString(4) };
    }

    /// <summary>The stored details of one phone number, or null (see <see cref="PhoneDetails"/>).</summary>
    public PhoneNumberDetails? PhoneDetailsOf(string e164) => PhoneDetails([e164]).GetValueOrDefault(e164);

    /// <summary>Marks a new case as storing phone details, or fills them once for a case written before they were (issue #19).</summary>
    private void EnsurePhoneDetails(bool existed)
    {
        if (existed && PhoneDetailsStored)
        {
            return;
        }

        // BEGIN IMMEDIATE, then look again: two processes opening the same old case fill it once.
        using var tx = BeginImmediate("meta");
        using (var check = Command("SELECT value FROM meta WHERE key = $k;", tx))
        {
            check.Parameters.AddWithValue("$k", PhoneDetailsMetaKey);
            if (check.ExecuteScalar() as string == PhoneDetailsStoredValue)
            {
                _phoneDetailsStored = true;
                return;
            }
        }

        var missing = new List<(long Id, string Value)>();
        if (existed)
        {
            using var cmd = Command(
                "SELECT e.id, e.value FROM entities e WHERE e.type = $t AND NOT EXISTS (SELECT 1 FROM phone_details d WHERE d.entity = e.id) ORDER BY e.id;", tx);
            cmd.Parameters.AddWithValue("$t", EntityType.Phone.ToName());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                missing.Add((r.GetInt64(0), r.GetString(1)));
            }
        }

        // About 30 µs a number: on all cores for a large case (a million-ad case has a few hundred thousand phones).
        var details = missing.AsParallel().AsOrdered().Select(m => PhoneNumberDetails.Describe(m.Value)).ToArray();
        long filled = 0;
        using (var insert = Command("INSERT OR IGNORE INTO phone_details(entity, region, location, number_type, metadata) VALUES ($e, $r, $l, $n, $m);", tx))
        {
            CaseIngestor.Bind(insert, "$e", "$r", "$l", "$n", "$m");
            for (var i = 0; i < missing.Count; i++)
            {
                if (details[i] is not { } d)
                {
                    continue;
                }

                insert.Parameters[0].Value = missing[i].Id;
                insert.Parameters[1].Value = d.Region;
                insert.Parameters[2].Value = d.Location;
                insert.Parameters[3].Value = d.Type;
                insert.Parameters[4].Value = d.Metadata;
                filled += insert.ExecuteNonQuery();
            }
        }

        using (var mark = Command("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value;", tx))
        {
            mark.Parameters.AddWithValue("$k", PhoneDetailsMetaKey);
            mark.Parameters.AddWithValue("$v", PhoneDetailsStoredValue);
            mark.ExecuteNonQuery();
        }

        tx.Commit();
        _phoneDetailsStored = true;
        PhoneDetailsFilledOnOpen = filled;
    }

    /// <summary>How many phones of a case written before phone details were stored got theirs when this store opened it (0 for
    /// any other case).</summary>
    public long PhoneDetailsFilledOnOpen { get; private set; }
}
