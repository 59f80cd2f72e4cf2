namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>How a generated photo differs from its original, mimicking what reposting does to a picture.</summary>
public enum PhotoVariant
{
    /// <summary>The photo as first rendered.</summary>
    Original,

    /// <summary>Scaled down to about 60 % of each side.</summary>
    Resized,

    /// <summary>Round-tripped through a JPEG at quality 55.</summary>
    Reencoded,

    /// <summary>Two percent cropped off each edge.</summary>
    Cropped,

    /// <summary>Brighter (+18 levels) with 15 % more contrast.</summary>
    BrightnessContrast,

    /// <summary>Rotated by one degree on the same canvas.</summary>
    Rotated,
}
