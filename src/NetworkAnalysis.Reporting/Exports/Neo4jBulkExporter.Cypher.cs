namespace NetworkAnalysis.Reporting.Exports;

public sealed partial class Neo4jBulkExporter
{
    /// <summary>The LOAD CSV script: constraints and indexes first, then idempotent MERGEs in batches.</summary>
    /// <remarks>Run with <c>cypher-shell -f load-csv.cypher</c> after copying the CSVs into the server's import folder.</remarks>
    public const string LoadCsvScript = """
        // NetworkAnalysis graph: load with `cypher-shell -d neo4j -f load-csv.cypher`
        // after copying the CSV files into the server's import directory. Empty fields load as null.
        CREATE CONSTRAINT ad_key IF NOT EXISTS FOR (a:Ad) REQUIRE a.key IS UNIQUE;
        CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.entityId IS UNIQUE;
        CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.clusterId IS UNIQUE;
        CREATE INDEX entity_type_value IF NOT EXISTS FOR (e:Entity) ON (e.type, e.value);
        CREATE INDEX ad_posted_at IF NOT EXISTS FOR (a:Ad) ON (a.postedAt);
        CREATE INDEX ad_city IF NOT EXISTS FOR (a:Ad) ON (a.city);

        LOAD CSV WITH HEADERS FROM 'file:///ads.csv' AS row
        CALL { WITH row
          MERGE (a:Ad {key: row.`key:ID(Ad)`})
          SET a.city = row.city, a.cluster = row.cluster, a.text = coalesce(row.text, ''), a.decisions = row.decisions,
              a.postedAt = datetime(row.`postedAt:datetime`)
        } IN TRANSACTIONS OF 1000 ROWS;

        LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
        CALL { WITH row
          MERGE (e:Entity {entityId: row.`entityId:ID(Entity)`})
          SET e.type = row.type, e.value = row.value, e.hub = (row.`hub:boolean` = 'true'), e.decisions = row.decisions,
              e.phoneRegion = row.phoneRegion, e.phoneLocation = row.phoneLocation, e.phoneType = row.phoneType
        } IN TRANSACTIONS OF 1000 ROWS;

        LOAD CSV WITH HEADERS FROM 'file:///clusters.csv' AS row
        CALL { WITH row
          MERGE (c:Cluster {clusterId: row.`clusterId:ID(Cluster)`})
          SET c.size = toInteger(row.`size:int`)
        } IN TRANSACTIONS OF 1000 ROWS;

        LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row
        CALL { WITH row
          MATCH (a:Ad {key: row.`:START_ID(Ad)`})
          MATCH (e:Entity {entityId: row.`:END_ID(Entity)`})
          MERGE (a)-[:MENTIONS]->(e)
        } IN TRANSACTIONS OF 1000 ROWS;

        LOAD CSV WITH HEADERS FROM 'file:///similar.csv' AS row
        CALL { WITH row
          MATCH (a:Ad {key: row.`:START_ID(Ad)`})
          MATCH (b:Ad {key: row.`:END_ID(Ad)`})
          FOREACH (_ IN CASE WHEN row.`:TYPE` = 'SIMILAR_IMAGE' THEN [1] ELSE [] END |
            MERGE (a)-[s:SIMILAR_IMAGE]->(b) SET s.similarity = toFloat(row.`similarity:double`))
          FOREACH (_ IN CASE WHEN row.`:TYPE` = 'SIMILAR_TEXT' THEN [1] ELSE [] END |
            MERGE (a)-[s:SIMILAR_TEXT]->(b) SET s.similarity = toFloat(row.`similarity:double`))
        } IN TRANSACTIONS OF 1000 ROWS;

        LOAD CSV WITH HEADERS FROM 'file:///in_cluster.csv' AS row
        CALL { WITH row
          MATCH (a:Ad {key: row.`:START_ID(Ad)`})
          MATCH (c:Cluster {clusterId: row.`:END_ID(Cluster)`})
          MERGE (a)-[:IN_CLUSTER]->(c)
        } IN TRANSACTIONS OF 1000 ROWS;

        """;
}
