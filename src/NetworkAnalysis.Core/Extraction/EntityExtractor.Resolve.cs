namespace NetworkAnalysis.Core.Extraction;

public sealed partial class EntityExtractor
{
    // Longest span any extractor reports (URLs are capped at 2048); bounds the look-back so resolving stays linear.
    private const int MaxSpan = 2100;

    /// <summary>Merges duplicates and drops phones that are part of a larger identifier; keeps the sort order.</summary>
    private static List<Mention> Resolve(List<Mention> sorted)
    {
        // A phone inside a handle that is not itself a number ("wechat: lily7025550143") is part of the handle.
        var containers = sorted.Where(static m => m.Type is EntityType.Email or EntityType.Btc or EntityType.Eth or EntityType.Usdt
            || (IsHandle(m.Type) && !m.Value.StartsWith('+'))).ToList();
        var result = new List<Mention>(sorted.Count);
        foreach (var m in sorted)
        {
            if (IsDuplicate(result, m) || (m.Type is EntityType.Phone or EntityType.Url && IsContained(containers, m)))
            {
                continue;
            }

            result.Add(m);
        }

        return result;
    }

    private static bool IsHandle(EntityType type) =>
        type is EntityType.Snapchat or EntityType.Instagram or EntityType.Telegram or EntityType.Kik or EntityType.Twitter
            or EntityType.Onlyfans or EntityType.Wechat or EntityType.Line or EntityType.Venmo or EntityType.Cashtag or EntityType.Paypal;

    private static bool IsDuplicate(List<Mention> kept, Mention m)
    {
        for (var i = kept.Count - 1; i >= 0 && kept[i].Start >= m.Start - MaxSpan; i--)
        {
            var k = kept[i];
            if (k.Type == m.Type && k.Value == m.Value && k.Start < m.End && m.Start < k.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsContained(List<Mention> containers, Mention m)
    {
        // Containers are sorted by start: binary-search the last one starting at or before m.
        int lo = 0, hi = containers.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (containers[mid].Start <= m.Start)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = last; i >= 0 && containers[i].Start >= m.Start - MaxSpan; i--)
        {
            if (m.End <= containers[i].End || (m.Type == EntityType.Url && m.Start < containers[i].End))
            {
                return true;
            }
        }

        return false;
    }
}
