namespace NetworkAnalysis.Core.Ads;

/// <summary>The input schema's field names.</summary>
public static class AdFields
{
    /// <summary>Required, unique per site.</summary>
    public const string Id = "id";
#pragma warning disable CS1591 // the names say it all; see README "Input format"
    public const string Site = "site";
    public const string PostedAt = "posted_at";
    public const string City = "city";
    public const string Region = "region";
    public const string Country = "country";
    public const string Title = "title";
    public const string Body = "body";
    public const string Poster = "poster";
    public const string Images = "images";
    public const string ImageHashes = "image_hashes";
    public const string Price = "price";
    public const string Age = "age";
#pragma warning restore CS1591

    /// <summary>Every schema field, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Id, Site, PostedAt, City, Region, Country, Title, Body, Poster, Images, ImageHashes, Price, Age];
}
