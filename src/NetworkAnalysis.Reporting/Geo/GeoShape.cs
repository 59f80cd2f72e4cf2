namespace NetworkAnalysis.Reporting.Geo;

/// <summary>One feature of a TopoJSON object: its ID, name (if the file has one) and rings of (longitude, latitude) in degrees.</summary>
/// <param name="Id">The feature's ID (a FIPS code in us-atlas, an ISO 3166 numeric code in world-atlas), or "" if none.</param>
/// <param name="Name">The feature's <c>name</c> property, or "".</param>
/// <param name="Rings">Closed rings (outer boundaries and holes alike), each a list of (longitude, latitude).</param>
public sealed record GeoShape(string Id, string Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);
