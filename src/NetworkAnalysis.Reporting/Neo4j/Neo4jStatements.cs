namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>Every statement the pusher sends: schema first, then idempotent <c>UNWIND $rows … MERGE</c> batches.</summary>
public static class Neo4jStatements
{
    /// <summary>Constraints and indexes, run once before loading (each is idempotent).</summary>
    public static IReadOnlyList<Neo4jStatement> Schema { get; } =
    [
        new("constraint ad_key", "CREATE CONSTRAINT ad_key IF NOT EXISTS FOR (a:Ad) REQUIRE a.key IS UNIQUE"),
        new("constraint entity_id", "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.entityId IS UNIQUE"),
        new("constraint cluster_id", "CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.clusterId IS UNIQUE"),
        new("index entity_type_value", "CREATE INDEX entity_type_value IF NOT EXISTS FOR (e:Entity) ON (e.type, e.value)"),
        new("index ad_posted_at", "CREATE INDEX ad_posted_at IF NOT EXISTS FOR (a:Ad) ON (a.postedAt)"),
    ];

    /// <summary>Ads: <c>rows</c> of {key, postedAt, city, cluster, text, decisions}.</summary>
    public static Neo4jStatement MergeAds { get; } = new("merge ads",
        "UNWIND $rows AS row MERGE (a:Ad {key: row.key}) " +
        "SET a.city = row.city, a.cluster = row.cluster, a.text = row.text, a.decisions = row.decisions, a.postedAt = datetime(row.postedAt)");

    /// <summary>Entities: <c>rows</c> of {id, type, value, hub, decisions, phoneRegion, phoneLocation, phoneType} (the phone fields null for other types).</summary>
    public static Neo4jStatement MergeEntities { get; } = new("merge entities",
        "UNWIND $rows AS row MERGE (e:Entity {entityId: row.id}) SET e.type = row.type, e.value = row.value, e.hub = row.hub, e.decisions = row.decisions, "
        + "e.phoneRegion = row.phoneRegion, e.phoneLocation = row.phoneLocation, e.phoneType = row.phoneType");

    /// <summary>Clusters: <c>rows</c> of {id, size}.</summary>
    public static Neo4jStatement MergeClusters { get; } = new("merge clusters",
        "UNWIND $rows AS row MERGE (c:Cluster {clusterId: row.id}) SET c.size = row.size");

    /// <summary>Mentions: <c>rows</c> of {ad, entity}.</summary>
    public static Neo4jStatement MergeMentions { get; } = new("merge mentions",
        "UNWIND $rows AS row MATCH (a:Ad {key: row.ad}) MATCH (e:Entity {entityId: row.entity}) MERGE (a)-[:MENTIONS]->(e)");

    /// <summary>Near-duplicate images: <c>rows</c> of {a, b, similarity}.</summary>
    public static Neo4jStatement MergeSimilarImages { get; } = new("merge similar images",
        "UNWIND $rows AS row MATCH (a:Ad {key: row.a}) MATCH (b:Ad {key: row.b}) MERGE (a)-[s:SIMILAR_IMAGE]->(b) SET s.similarity = row.similarity");

    /// <summary>Near-duplicate texts: <c>rows</c> of {a, b, similarity}.</summary>
    public static Neo4jStatement MergeSimilarTexts { get; } = new("merge similar texts",
        "UNWIND $rows AS row MATCH (a:Ad {key: row.a}) MATCH (b:Ad {key: row.b}) MERGE (a)-[s:SIMILAR_TEXT]->(b) SET s.similarity = row.similarity");

    /// <summary>Cluster membership: <c>rows</c> of {ad, cluster}.</summary>
    public static Neo4jStatement MergeMemberships { get; } = new("merge memberships",
        "UNWIND $rows AS row MATCH (a:Ad {key: row.ad}) MATCH (c:Cluster {clusterId: row.cluster}) MERGE (a)-[:IN_CLUSTER]->(c)");

    /// <summary>Counts ads whose key is in <c>$keys</c> (used to verify a push).</summary>
    public static Neo4jStatement CountAds { get; } = new("count ads",
        "MATCH (a:Ad) WHERE a.key IN $keys RETURN count(a) AS n");

    /// <summary>Counts MENTIONS relationships from ads whose key is in <c>$keys</c>.</summary>
    public static Neo4jStatement CountMentions { get; } = new("count mentions",
        "MATCH (a:Ad)-[m:MENTIONS]->(:Entity) WHERE a.key IN $keys RETURN count(m) AS n");
}
