using Jobs.Core.Accounts;
using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Search.Matching;
using Jobs.Search.Postings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Background.Alerts;

public sealed record JobAlertsReport(long Watermark, int Subscriptions, int Notifications, int PostingsNotified);

/// <summary>
/// The scheduled job-alert run: for every alert with postings newer than its watermark, search (saved searches) or match
/// (résumé alerts) among just those postings and record one notification. Safe to run twice and after a crash: see
/// <see cref="AlertService.RecordAsync"/>.
/// </summary>
public sealed class JobAlertsJob(
    AlertService alerts,
    ResumeService resumes,
    PostingSearchService search,
    PostingMatchService matcher,
    PostingIndex index,
    IOptions<JobAlertsOptions> options,
    ILogger<JobAlertsJob> logger)
{
    public const string RecurringId = "job-alerts";

    public async Task<JobAlertsReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var through = await alerts.WatermarkAsync(cancellationToken);
        var due = await alerts.ListDueAsync(through, cancellationToken);
        if (due.Count == 0)
        {
            return new JobAlertsReport(through, 0, 0, 0);
        }

        // The index follows the database a moment behind. Indexing the window's postings again (idempotent) and refreshing
        // makes every posting up to the watermark searchable, so none is skipped for having arrived a millisecond late.
        var ids = await alerts.PostingIdsBetweenAsync(due.Min(s => s.LastPostingId), through, cancellationToken);
        foreach (var chunk in ids.Chunk(1000))
        {
            await index.PostingsChangedAsync(chunk, cancellationToken);
        }

        index.Index.Refresh();

        var notifications = 0;
        var notified = 0;
        foreach (var subscription in due)
        {
            var matches = await FindAsync(subscription, through, cancellationToken);
            var outcome = await alerts.RecordAsync(subscription, subscription.LastPostingId, through, matches,
                options.Value.MaxPostingsPerNotification, cancellationToken);
            if (outcome.NotificationId is not null)
            {
                notifications++;
                notified += outcome.Notified;
            }
        }

        logger.LogInformation("Job alerts up to posting {Watermark}: {Subscriptions} alerts run, {Notifications} notifications, {Postings} postings",
            through, due.Count, notifications, notified);
        return new JobAlertsReport(through, due.Count, notifications, notified);
    }

    private async Task<IReadOnlyList<AlertMatch>> FindAsync(AlertSubscription subscription, long through, CancellationToken cancellationToken)
    {
        if (subscription.Kind == AlertKind.SavedSearch && subscription.Criteria is { } c)
        {
            var result = await search.SearchAsync(new PostingSearchRequest
            {
                Query = c.Query,
                CityCodes = c.CityCodes,
                Category = c.Category,
                Education = c.Education,
                SalaryMin = c.SalaryMin,
                SalaryMax = c.SalaryMax,
                Experience = c.Experience,
                IdAfter = subscription.LastPostingId,
                IdAtMost = through,
                PageSize = PostingSearchService.MaxDepth,
                // An alert reports postings that match the saved words, never looser ones, and every one of them.
                Relax = false,
                Diversify = false,
            }, cancellationToken);
            return result.Items.Select(h => new AlertMatch(h.Id, h.Title, h.EmployerName, h.CityCode, null)).ToList();
        }

        if (subscription.Kind == AlertKind.ResumeMatches && subscription.ResumeId is { } resumeId)
        {
            // Read as its owner would: the same rule the matches endpoint applies.
            var owner = new Actor(subscription.UserId, Role.Graduate, null, null);
            var view = await resumes.GetAsync(owner, resumeId, cancellationToken);
            if (view.Value is null)
            {
                return [];
            }

            var result = await matcher.MatchAsync(view.Value.Resume, new PostingSearchRequest
            {
                IdAfter = subscription.LastPostingId,
                IdAtMost = through,
                PageSize = PostingMatchService.MaxDepth,
            }, cancellationToken);
            return result.Items.Where(m => m.Explanation.Score >= options.Value.MinMatchScore)
                .Select(m => new AlertMatch(m.Posting.Id, m.Posting.Title, m.Posting.EmployerName, m.Posting.CityCode, m.Explanation.Score))
                .ToList();
        }

        return [];
    }
}
