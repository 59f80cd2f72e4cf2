namespace NetworkAnalysis.Storage.Copy;

/// <summary>The storage type of a copied column, in SQLite's words (the PostgreSQL side maps each one to one type).</summary>
internal enum CopyColumnType
{
    /// <summary>SQLite INTEGER, PostgreSQL bigint.</summary>
    Integer,

    /// <summary>SQLite REAL, PostgreSQL double precision.</summary>
    Real,

    /// <summary>SQLite TEXT, PostgreSQL text.</summary>
    Text,

    /// <summary>SQLite BLOB, PostgreSQL bytea.</summary>
    Blob,
}
