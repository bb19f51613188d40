using Hangfire;
using Jobs.Core.Imports;
using Jobs.Core.Privacy;

namespace Jobs.Background.Privacy;

/// <summary>What one data-rights sweep did.</summary>
public sealed record DataRightsOutcome(int AccountsErased, int RetentionNotices, int ResumesHidden, int ImportFilesErased);

/// <summary>
/// Keeps the platform's promises about personal data: erases accounts whose cooling-off has ended, tells owners of stale
/// résumés and hides them, and erases import files whose run is decided. Hourly, so an erasure happens within the hour it
/// falls due. Safe to run twice or in two processes at once: every step is conditional on stored state.
/// </summary>
public sealed class DataRightsJob(AccountEraser eraser, ResumeRetention retention, HeldImportFiles importFiles)
{
    public const string RecurringId = "data-rights";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<DataRightsOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        var erased = await eraser.EraseDueAsync(cancellationToken);
        var kept = await retention.RunAsync(cancellationToken);
        var files = await importFiles.EraseDecidedAsync(cancellationToken);
        return new DataRightsOutcome(erased, kept.Noticed, kept.Hidden, files);
    }
}
