using Hangfire;
using Jobs.Core.Fairs;

namespace Jobs.Background.Fairs;

/// <summary>
/// Keeps every fair's deadlines: opens and closes registration windows, allocates booths when the employer window closes,
/// reminds registered graduates before the start, writes the post-fair report, archives. Runs every minute and once when the
/// host starts, so deadlines missed while the platform was down are caught up at once. With a fair id it advances only that
/// fair (an organiser's "run now"). Safe to run twice or in two processes at once: every step is conditional on stored state.
/// </summary>
public sealed class FairDeadlinesJob(FairLifecycle lifecycle)
{
    public const string RecurringId = "fair-deadlines";

    // Two overlapping sweeps would do no harm, but queueing them behind each other keeps the log readable.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> ExecuteAsync(long? fairId, CancellationToken cancellationToken)
    {
        if (fairId is { } id)
        {
            return (await lifecycle.AdvanceAsync(id, cancellationToken)).Any ? 1 : 0;
        }

        return (await lifecycle.AdvanceAllAsync(cancellationToken)).Count;
    }
}
