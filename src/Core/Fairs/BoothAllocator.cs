namespace Jobs.Core.Fairs;

public sealed record BoothCandidate(long ApplicationId, DateTime AppliedAt, bool FromOtherCity);

public sealed record BoothAllocation(IReadOnlyList<(long ApplicationId, int BoothNumber)> Allocated, IReadOnlyList<(long ApplicationId, int Position)> Waitlisted);

/// <summary>
/// The booth rule, applied when the employer window closes:
/// <list type="number">
/// <item>Only approved applications take part, in order of application (time, then application number).</item>
/// <item><c>floor(capacity × share)</c> booths are kept for employers from other member cities. Walking the order, an
/// other-city employer takes any free booth; a host-city employer takes one only while host-city booths stay within
/// <c>capacity − kept</c>.</item>
/// <item>Kept booths that other-city employers did not claim go back to the host-city employers passed over, in order.</item>
/// <item>Booths are numbered 1… in order of application among those allocated; everyone else is waitlisted in order.</item>
/// </list>
/// </summary>
public static class BoothAllocator
{
    public static int KeptForOtherCities(int capacity, double share) => (int)Math.Floor(capacity * share + 1e-9);

    public static BoothAllocation Allocate(IReadOnlyList<BoothCandidate> approved, int capacity, double share)
    {
        var ordered = approved.OrderBy(c => c.AppliedAt).ThenBy(c => c.ApplicationId).ToList();
        var kept = KeptForOtherCities(capacity, share);
        var hostLimit = capacity - kept;
        var taken = new HashSet<long>();
        var hostTaken = 0;
        foreach (var c in ordered)
        {
            if (taken.Count >= capacity)
            {
                break;
            }

            if (c.FromOtherCity)
            {
                taken.Add(c.ApplicationId);
            }
            else if (hostTaken < hostLimit)
            {
                taken.Add(c.ApplicationId);
                hostTaken++;
            }
        }

        foreach (var c in ordered)
        {
            if (taken.Count >= capacity)
            {
                break;
            }

            if (!c.FromOtherCity && !taken.Contains(c.ApplicationId))
            {
                taken.Add(c.ApplicationId);
            }
        }

        var allocated = ordered.Where(c => taken.Contains(c.ApplicationId)).Select((c, i) => (c.ApplicationId, i + 1)).ToList();
        var waitlisted = ordered.Where(c => !taken.Contains(c.ApplicationId)).Select((c, i) => (c.ApplicationId, i + 1)).ToList();
        return new BoothAllocation(allocated, waitlisted);
    }
}
