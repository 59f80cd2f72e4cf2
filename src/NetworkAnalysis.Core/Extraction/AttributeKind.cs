namespace NetworkAnalysis.Core.Extraction;

/// <summary>Kinds of evidence that describe an ad but never link ads on their own.</summary>
public enum AttributeKind
{
    /// <summary>A stated age in years.</summary>
    Age,

    /// <summary>A price or rate.</summary>
    Price,

    /// <summary>A name used by the persona ("ask for Mia").</summary>
    Name,

    /// <summary>A city named in the text.</summary>
    City,

    /// <summary>A stock phrase such as "new in town".</summary>
    Phrase,
}
