using Jobs.Core.Common;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Employers;

/// <summary>
/// "Is this employer verified?" for every authenticated employer request (it decides whether contact data is shown), from
/// memory for a few seconds and from the database otherwise. A claim in the token would stay stale until the token is
/// refreshed; this answers from the current state and is evicted when a decision is made here.
/// </summary>
public sealed class VerifiedEmployers
{
    private const string CacheName = "verified-employers";

    private readonly IMemoryCache cache;
    private readonly IOptions<VerificationOptions> options;
    private readonly NodeCacheEvents events;

    public VerifiedEmployers(IMemoryCache cache, IOptions<VerificationOptions> options, NodeCacheEvents events)
    {
        this.cache = cache;
        this.options = options;
        this.events = events;
        events.Register(CacheName, key => ForgetHere(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed record Key(long EmployerId);

    /// <summary>Moves on every eviction, so a read that raced with one does not put the old value back.</summary>
    private long _epoch;

    public async Task<bool> IsVerifiedAsync(JobsDbContext db, long employerId, CancellationToken cancellationToken)
    {
        var key = new Key(employerId);
        if (cache.TryGetValue(key, out bool verified))
        {
            return verified;
        }

        var epoch = Interlocked.Read(ref _epoch);
        verified = await db.Employers.AsNoTracking().Where(e => e.Id == employerId)
            .Select(e => e.Verification == VerificationStatus.Verified).SingleOrDefaultAsync(cancellationToken);
        var seconds = options.Value.StatusCacheSeconds;
        if (seconds > 0 && epoch == Interlocked.Read(ref _epoch))
        {
            cache.Set(key, verified, TimeSpan.FromSeconds(seconds));
        }

        return verified;
    }

    /// <summary>Called after the employer's status changed in this process.</summary>
    public void Forget(long employerId)
    {
        ForgetHere(employerId);
        // The other nodes keep their answer for up to StatusCacheSeconds unless told.
        events.Publish(CacheName, employerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void ForgetHere(long employerId)
    {
        Interlocked.Increment(ref _epoch);
        cache.Remove(new Key(employerId));
    }
}
