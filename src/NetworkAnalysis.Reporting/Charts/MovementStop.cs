namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A run of consecutive postings in one city.</summary>
/// <param name="City">The city.</param>
/// <param name="From">First posting of the run.</param>
/// <param name="To">Last posting of the run.</param>
/// <param name="AdCount">Number of ads in the run.</param>
public sealed record MovementStop(string City, DateTimeOffset From, DateTimeOffset To, int AdCount);
