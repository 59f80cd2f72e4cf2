using NetworkAnalysis.Reporting.Geo;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>One city of a cluster on the movement map.</summary>
/// <param name="City">The city as the ads name it (hostile text).</param>
/// <param name="Region">The region the ads give, if any.</param>
/// <param name="Country">The country the ads give, if any.</param>
/// <param name="FirstSeen">The first dated posting there, if any.</param>
/// <param name="AdCount">Number of ads naming it.</param>
/// <param name="Location">Where the gazetteer places it, or null when it is not in the gazetteer.</param>
public sealed record MapPlace(string City, string? Region, string? Country, DateTimeOffset? FirstSeen, int AdCount, GeoCity? Location);
