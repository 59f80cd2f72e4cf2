using System.Text.Json;

namespace NetworkAnalysis.Reporting.Geo;

/// <summary>Reads TopoJSON (the format of us-atlas and world-atlas) into polygons of longitude and latitude.</summary>
/// <remarks>
/// Follows the TopoJSON specification: a quantized file's arcs are delta-encoded integer positions, decoded by a running
/// sum and mapped through <c>transform</c> (<c>x·scale + translate</c>); a geometry names arcs by index, where a negative
/// index <c>~i</c> (that is, <c>-i-1</c>) means arc <c>i</c> reversed, and consecutive arcs of a ring share their joining
/// point, which is kept once. Only Polygon and MultiPolygon geometries (and collections of them) are read.
/// </remarks>
public static class TopoJson
{
    /// <summary>The features of one named object of a TopoJSON document.</summary>
    /// <exception cref="InvalidDataException">The document is not TopoJSON or lacks the object.</exception>
    public static IReadOnlyList<GeoShape> Read(Stream json, string objectName)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology" || !root.TryGetProperty("arcs", out var arcsJson))
        {
            throw new InvalidDataException("not a TopoJSON topology");
        }

        var arcs = DecodeArcs(arcsJson, root.TryGetProperty("transform", out var t) ? t : (JsonElement?)null);
        if (!root.TryGetProperty("objects", out var objects) || !objects.TryGetProperty(objectName, out var obj))
        {
            throw new InvalidDataException("TopoJSON has no object " + objectName);
        }

        var shapes = new List<GeoShape>();
        Collect(obj, arcs, shapes);
        return shapes;
    }

    /// <summary>Decodes every arc to (longitude, latitude) points: delta decoding and the transform when quantized.</summary>
    public static IReadOnlyList<(double Lon, double Lat)[]> DecodeArcs(JsonElement arcs, JsonElement? transform)
    {
        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = transform is { ValueKind: JsonValueKind.Object };
        if (quantized)
        {
            var scale = transform!.Value.GetProperty("scale");
            var translate = transform.Value.GetProperty("translate");
            sx = scale[0].GetDouble();
            sy = scale[1].GetDouble();
            tx = translate[0].GetDouble();
            ty = translate[1].GetDouble();
        }

        var result = new List<(double, double)[]>(arcs.GetArrayLength());
        foreach (var arc in arcs.EnumerateArray())
        {
            var points = new (double, double)[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var p in arc.EnumerateArray())
            {
                if (quantized)
                {
                    x += p[0].GetDouble();
                    y += p[1].GetDouble();
                    points[i++] = ((x * sx) + tx, (y * sy) + ty);
                }
                else
                {
                    points[i++] = (p[0].GetDouble(), p[1].GetDouble());
                }
            }

            result.Add(points);
        }

        return result;
    }

    private static void Collect(JsonElement geometry, IReadOnlyList<(double Lon, double Lat)[]> arcs, List<GeoShape> shapes)
    {
        var type = geometry.GetProperty("type").GetString();
        if (type == "GeometryCollection")
        {
            foreach (var g in geometry.GetProperty("geometries").EnumerateArray())
            {
                Collect(g, arcs, shapes);
            }

            return;
        }

        var rings = new List<IReadOnlyList<(double, double)>>();
        if (type == "Polygon")
        {
            AddPolygon(geometry.GetProperty("arcs"), arcs, rings);
        }
        else if (type == "MultiPolygon")
        {
            foreach (var polygon in geometry.GetProperty("arcs").EnumerateArray())
            {
                AddPolygon(polygon, arcs, rings);
            }
        }
        else
        {
            return;
        }

        var id = geometry.TryGetProperty("id", out var idJson) ? (idJson.ValueKind == JsonValueKind.Number ? idJson.GetRawText() : idJson.GetString() ?? "") : "";
        var name = geometry.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object && props.TryGetProperty("name", out var n)
            ? n.GetString() ?? "" : "";
        shapes.Add(new GeoShape(id, name, rings));
    }

    private static void AddPolygon(JsonElement polygon, IReadOnlyList<(double Lon, double Lat)[]> arcs, List<IReadOnlyList<(double, double)>> rings)
    {
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = new List<(double, double)>();
            foreach (var index in ring.EnumerateArray())
            {
                var i = index.GetInt32();
                var arc = arcs[i < 0 ? ~i : i];
                var start = points.Count == 0 ? 0 : 1;
                if (i >= 0)
                {
                    for (var k = start; k < arc.Length; k++)
                    {
                        points.Add(arc[k]);
                    }
                }
                else
                {
                    for (var k = arc.Length - 1 - start; k >= 0; k--)
                    {
                        points.Add(arc[k]);
                    }
                }
            }

            if (points.Count >= 3)
            {
                rings.Add(points);
            }
        }
    }
}
