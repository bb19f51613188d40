using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Postings;
using Jobs.Core.Privacy;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Resumes;

/// <summary>Interview arrangements as a caller sends them; validated by <see cref="ApplicationService"/>.</summary>
public sealed record InterviewDraft(DateTimeOffset? At, string? Place, string? Link, string? Message);

/// <summary>
/// A move an employer asks for. <see cref="Reason"/> goes with 不合适, <see cref="Message"/> with 录用, <see cref="Interview"/>
/// with 邀请面试; <see cref="SkipInterview"/> lets an offer come without an invitation.
/// </summary>
public sealed record StageMove(string? Stage, InterviewDraft? Interview = null, string? Reason = null, string? Message = null, bool? SkipInterview = null);

/// <summary>An application with its history, oldest change first.</summary>
public sealed record ApplicationRecord(Application Application, IReadOnlyList<ApplicationStageChange> History)
{
    /// <summary>The latest invitation, which is the one that stands (a later one replaces the time or is the next round).</summary>
    public ApplicationStageChange? Interview => History.LastOrDefault(h => h.ToStage == ApplicationStage.InterviewInvited);
}

/// <summary>One application as its reader may see it: the posting applied to and the résumé as that reader may read it.</summary>
public sealed record ApplicationDetail(ApplicationRecord Record, PostingView Posting, ResumeView Resume);

public sealed record ApplicantsPage(PagedResult<(ApplicationRecord Record, ResumeView Resume)> Page, IReadOnlyDictionary<ApplicationStage, int> StageCounts);

/// <summary>What a bulk move did to one id: moved (to <see cref="Stage"/>) or refused with the reason.</summary>
public sealed record BulkMoveOutcome(long Id, bool Moved, ApplicationStage? Stage, string? Reason);

/// <summary>Moves into one stage within a period: how many moves, and how many applications made them.</summary>
public sealed record StageTally(int Transitions, int Applications);

/// <summary>
/// The application pipeline: 已投递 → 已查看 → 邀请面试 → 录用 / 不合适, and 已撤回 by the graduate. The posting's employer moves
/// applications (its first opening of one marks it 已查看), the graduate withdraws; every move is kept in the history, and
/// every move the employer makes reaches the graduate as a notification.
/// </summary>
public sealed class ApplicationService(JobsDbContext db, TimeProvider clock, IOptions<ApplicationOptions> options, ContactDisclosure disclosure)
{
    public const int NoteMaxLength = 500;
    public const int PlaceMaxLength = 200;
    public const int LinkMaxLength = 500;
    public const int MessageMaxLength = 1000;

    private readonly ApplicationOptions _options = options.Value;

    /// <summary>
    /// One application for its employer, its graduate, the organisers of the posting's city and admins; anyone else gets 404.
    /// The posting's employer opening a submitted application is what marks it 已查看 (lists do not: a list is not a reading).
    /// </summary>
    /// <remarks>
    /// This is the one application read that carries contact data (recorded under <paramref name="where"/>, the API path or
    /// page address); moves and withdrawals answer without it.
    /// </remarks>
    public async Task<ServiceResult<ApplicationDetail>> GetAsync(Actor actor, long id, string where, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null || PartyOf(actor, loaded) == Party.None)
        {
            return ServiceResult<ApplicationDetail>.NotFound(Missing(id));
        }

        if (PartyOf(actor, loaded) == Party.Employer && loaded.Application.Stage == ApplicationStage.Submitted)
        {
            var move = new ValidMove(ApplicationStage.Viewed, null, null, false);
            if (await TrySaveMoveAsync(actor, loaded, move, cancellationToken) is not null)
            {
                // Someone moved it at the same moment; that move stands and is what this reader sees.
                db.ChangeTracker.Clear();
                loaded = await LoadAsync(id, cancellationToken) ?? loaded;
            }
        }

        return ServiceResult<ApplicationDetail>.Ok(await DetailAsync(actor, loaded, where, cancellationToken));
    }

    /// <summary>The posting's employer moves one application; others who may read it get 403, anyone else 404.</summary>
    public async Task<ServiceResult<ApplicationDetail>> MoveAsync(Actor actor, long id, StageMove request, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        var party = loaded is null ? Party.None : PartyOf(actor, loaded);
        if (loaded is null || party == Party.None)
        {
            return ServiceResult<ApplicationDetail>.NotFound(Missing(id));
        }

        if (party != Party.Employer)
        {
            return ServiceResult<ApplicationDetail>.Forbidden(OnlyEmployer);
        }

        var errors = new ValidationErrors();
        var move = Validate(request, errors);
        if (move is null)
        {
            return ServiceResult<ApplicationDetail>.Invalid(errors);
        }

        if (ApplicationStages.RefusalFor(loaded.Application.Stage, move.To, move.SkipInterview) is { } refusal)
        {
            return ServiceResult<ApplicationDetail>.Conflict(refusal);
        }

        if (await TrySaveMoveAsync(actor, loaded, move, cancellationToken) is { } conflict)
        {
            return ServiceResult<ApplicationDetail>.Conflict(conflict);
        }

        return ServiceResult<ApplicationDetail>.Ok(await DetailAsync(actor, loaded, where: null, cancellationToken));
    }

    /// <summary>
    /// The posting's employer moves several of its applications to one stage. Each id stands on its own (not all-or-nothing):
    /// those that may move are moved, the others are refused with the reason, and the answer lists both in the order asked.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<BulkMoveOutcome>>> MoveManyAsync(Actor actor, long postingId, IReadOnlyList<long>? ids, StageMove request,
        CancellationToken cancellationToken)
    {
        var posting = await db.Postings.AsNoTracking().Where(p => p.Id == postingId).Select(p => new { p.EmployerId }).SingleOrDefaultAsync(cancellationToken);
        if (posting is null)
        {
            return ServiceResult<IReadOnlyList<BulkMoveOutcome>>.NotFound($"职位 {postingId} 不存在");
        }

        if (!actor.IsEmployer || actor.EmployerId != posting.EmployerId)
        {
            return ServiceResult<IReadOnlyList<BulkMoveOutcome>>.Forbidden(OnlyEmployer);
        }

        var errors = new ValidationErrors();
        var move = Validate(request, errors);
        var distinct = (ids ?? []).Distinct().ToList();
        if (distinct.Count == 0)
        {
            errors.Add("ids", "请至少选择一份投递");
        }
        else if (distinct.Count > _options.MaxBulkMove)
        {
            errors.Add("ids", $"一次最多处理 {_options.MaxBulkMove} 份投递");
        }

        if (move is null || !errors.IsEmpty)
        {
            return ServiceResult<IReadOnlyList<BulkMoveOutcome>>.Invalid(errors);
        }

        var outcomes = new List<BulkMoveOutcome>();
        foreach (var id in distinct)
        {
            var loaded = await LoadAsync(id, cancellationToken);
            if (loaded is null || loaded.Application.PostingId != postingId)
            {
                outcomes.Add(new BulkMoveOutcome(id, false, null, $"投递 {id} 不是该职位的投递"));
                continue;
            }

            var before = loaded.Application.Stage;
            var refusal = ApplicationStages.RefusalFor(before, move.To, move.SkipInterview)
                ?? await TrySaveMoveAsync(actor, loaded, move, cancellationToken);
            if (refusal is not null)
            {
                // A move that lost a race must not ride along with the next id's save.
                db.ChangeTracker.Clear();
            }

            outcomes.Add(new BulkMoveOutcome(id, refusal is null, refusal is null ? move.To : before, refusal));
        }

        return ServiceResult<IReadOnlyList<BulkMoveOutcome>>.Ok(outcomes);
    }

    /// <summary>The graduate takes an application back while it has no final result.</summary>
    public async Task<ServiceResult<ApplicationDetail>> WithdrawAsync(Actor actor, long id, string? reason, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        var party = loaded is null ? Party.None : PartyOf(actor, loaded);
        if (loaded is null || party == Party.None)
        {
            return ServiceResult<ApplicationDetail>.NotFound(Missing(id));
        }

        if (party != Party.Graduate)
        {
            return ServiceResult<ApplicationDetail>.Forbidden("只有投递人本人可以撤回投递");
        }

        var errors = new ValidationErrors();
        var note = Text(reason, "reason", "撤回原因", NoteMaxLength, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResult<ApplicationDetail>.Invalid(errors);
        }

        if (ApplicationStages.RefusalFor(loaded.Application.Stage, ApplicationStage.Withdrawn, false) is { } refusal)
        {
            return ServiceResult<ApplicationDetail>.Conflict(refusal);
        }

        if (await TrySaveMoveAsync(actor, loaded, new ValidMove(ApplicationStage.Withdrawn, null, note, false), cancellationToken) is { } conflict)
        {
            return ServiceResult<ApplicationDetail>.Conflict(conflict);
        }

        return ServiceResult<ApplicationDetail>.Ok(await DetailAsync(actor, loaded, where: null, cancellationToken));
    }

    /// <summary>
    /// Applicants to one posting, for its employer, the organisers of its city and admins, in pipeline order (stage, then
    /// when they applied), optionally of one stage; with how many are in each stage.
    /// </summary>
    public async Task<ServiceResult<ApplicantsPage>> ListApplicantsAsync(Actor actor, long postingId, ApplicationStage? stage, PageRequest page,
        CancellationToken cancellationToken)
    {
        var posting = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<ApplicantsPage>.NotFound($"职位 {postingId} 不存在");
        }

        var isEmployer = actor.IsEmployer && actor.EmployerId == posting.EmployerId;
        if (!isEmployer && !actor.ActsForCity(posting.CityCode))
        {
            return ServiceResult<ApplicantsPage>.Forbidden("只有发布该职位的企业、本市组织方或管理员可以查看投递");
        }

        var all = db.Applications.AsNoTracking().Where(a => a.PostingId == postingId);
        var grouped = await all.GroupBy(a => a.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = ApplicationStages.All.ToDictionary(s => s, s => grouped.SingleOrDefault(g => g.Stage == s)?.Count ?? 0);

        var applications = stage is { } only ? all.Where(a => a.Stage == only) : all;
        var total = stage is { } one ? counts[one] : counts.Values.Sum();
        var rows = await (from a in applications.OrderBy(a => a.Stage).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(page.Skip).Take(page.PageSize)
                          join r in db.Resumes.AsNoTracking() on a.ResumeId equals r.Id
                          select new { a, r }).ToListAsync(cancellationToken);
        var history = await HistoryAsync(rows.Select(x => x.a.Id).ToList(), cancellationToken);
        var items = rows.OrderBy(x => x.a.Stage).ThenBy(x => x.a.CreatedAt).ThenBy(x => x.a.Id)
            .Select(x => (new ApplicationRecord(x.a, history[x.a.Id]), disclosure.ForList(actor, x.r, isEmployer)))
            .ToList();
        return ServiceResult<ApplicantsPage>.Ok(new ApplicantsPage(new PagedResult<(ApplicationRecord, ResumeView)>(total, page.Page, page.PageSize, items), counts));
    }

    /// <summary>The signed-in graduate's applications, newest first, each with its posting and history.</summary>
    public async Task<IReadOnlyList<(ApplicationRecord Record, PostingView Posting)>> ListMineAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return [];
        }

        var rows = await (from r in db.Resumes.AsNoTracking()
                          where r.OwnerUserId == userId
                          join a in db.Applications.AsNoTracking() on r.Id equals a.ResumeId
                          join p in db.Postings.AsNoTracking() on a.PostingId equals p.Id
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          select new { a, p, e.Name }).ToListAsync(cancellationToken);
        var history = await HistoryAsync(rows.Select(x => x.a.Id).ToList(), cancellationToken);
        return rows.OrderByDescending(x => x.a.CreatedAt).ThenByDescending(x => x.a.Id)
            .Select(x => (new ApplicationRecord(x.a, history[x.a.Id]), new PostingView(x.p, x.Name))).ToList();
    }

    /// <summary>
    /// Moves into each stage made in a city within [<paramref name="from"/>, <paramref name="to"/>): for the data platform's
    /// counts of applications, interviews and offers. Submissions count as moves into 已投递; every stage is in the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<ApplicationStage, StageTally>> CountTransitionsAsync(string cityCode, DateTime from, DateTime to,
        CancellationToken cancellationToken)
    {
        var rows = await db.ApplicationStageChanges.AsNoTracking()
            .Where(c => c.CityCode == cityCode && c.At >= from && c.At < to)
            .GroupBy(c => c.ToStage)
            .Select(g => new { Stage = g.Key, Transitions = g.Count(), Applications = g.Select(c => c.ApplicationId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return ApplicationStages.All.ToDictionary(s => s,
            s => rows.SingleOrDefault(r => r.Stage == s) is { } r ? new StageTally(r.Transitions, r.Applications) : new StageTally(0, 0));
    }

    private const string OnlyEmployer = "只有发布该职位的企业可以处理投递";

    private static string Missing(long id) => $"投递 {id} 不存在";

    private enum Party
    {
        None,
        Employer,
        Graduate,
        Overseer,
    }

    private sealed record Loaded(Application Application, string PostingTitle, string CityCode, long OwnerUserId, string EmployerName);

    private sealed record ValidMove(ApplicationStage To, InterviewDraft? Interview, string? Note, bool SkipInterview);

    private static Party PartyOf(Actor actor, Loaded loaded)
    {
        if (actor.IsEmployer && actor.EmployerId == loaded.Application.EmployerId)
        {
            return Party.Employer;
        }

        if (actor.UserId is { } userId && userId == loaded.OwnerUserId)
        {
            return Party.Graduate;
        }

        return actor.ActsForCity(loaded.CityCode) ? Party.Overseer : Party.None;
    }

    private async Task<Loaded?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        // Tracked as a whole (AsNoTracking on any source would untrack the application too); the rest is projected to values.
        var row = await (from a in db.Applications
                         where a.Id == id
                         join p in db.Postings on a.PostingId equals p.Id
                         join r in db.Resumes on a.ResumeId equals r.Id
                         join e in db.Employers on p.EmployerId equals e.Id
                         select new { a, p.Title, p.CityCode, r.OwnerUserId, e.Name }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new Loaded(row.a, row.Title, row.CityCode, row.OwnerUserId, row.Name);
    }

    /// <summary>Applies the move with its history row (and the graduate's notification when the employer made it); null when saved, else why not.</summary>
    private async Task<string?> TrySaveMoveAsync(Actor actor, Loaded loaded, ValidMove move, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var application = loaded.Application;
        var change = new ApplicationStageChange
        {
            ApplicationId = application.Id, FromStage = application.Stage, ToStage = move.To, At = now, ByUserId = actor.UserId,
            CityCode = loaded.CityCode, Note = move.Note, SkippedInterview = move.SkipInterview && move.To == ApplicationStage.Offered
                && application.Stage != ApplicationStage.InterviewInvited,
            InterviewAt = move.Interview?.At?.UtcDateTime, InterviewPlace = move.Interview?.Place, InterviewLink = move.Interview?.Link,
            InterviewMessage = move.Interview?.Message,
        };
        application.Stage = move.To;
        application.StageChangedAt = now;
        if (move.To != ApplicationStage.Withdrawn)
        {
            // Whoever moves it on has seen it, whether or not they opened it first.
            application.ViewedAt ??= now;
        }

        db.ApplicationStageChanges.Add(change);
        if (move.To != ApplicationStage.Withdrawn)
        {
            db.Notifications.Add(NotificationFor(loaded, change));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // The concurrency token on the stage: another move won; this one was not applied.
            return "投递阶段刚被修改，请刷新后重试";
        }
    }

    private Notification NotificationFor(Loaded loaded, ApplicationStageChange change)
    {
        var employer = loaded.EmployerName;
        var body = change.ToStage switch
        {
            ApplicationStage.Viewed => $"{employer} 已查看你的投递。",
            ApplicationStage.InterviewInvited => $"{employer} 邀请你参加面试。时间：{LocalTime(change.InterviewAt!.Value)}；"
                + (change.InterviewPlace is null ? "" : $"地点：{change.InterviewPlace}；")
                + (change.InterviewLink is null ? "" : $"线上链接：{change.InterviewLink}；")
                + (change.InterviewMessage is null ? "" : $"留言：{change.InterviewMessage}"),
            ApplicationStage.Offered => $"恭喜！{employer} 决定录用你。" + (change.Note is null ? "" : $"留言：{change.Note}"),
            ApplicationStage.Rejected => $"{employer} 认为你与该职位不太合适。" + (change.Note is null ? "" : $"原因：{change.Note}"),
            _ => $"投递进入「{change.ToStage.Label()}」阶段。",
        };
        return new Notification
        {
            UserId = loaded.OwnerUserId,
            Kind = NotificationKinds.ApplicationStage,
            Title = Shorten($"投递进展：{loaded.PostingTitle} · {change.ToStage.Label()}", 200),
            Body = body.TrimEnd('；'),
            Link = $"/api/applications/{loaded.Application.Id}",
            DedupKey = $"application:{loaded.Application.Id}:{change.ToStage.Wire()}:{change.At.Ticks}",
            CreatedAt = change.At,
        };
    }

    private string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, _options.Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private ValidMove? Validate(StageMove request, ValidationErrors errors)
    {
        ApplicationStage to = default;
        if (string.IsNullOrWhiteSpace(request.Stage))
        {
            errors.Add("stage", "请填写目标阶段");
        }
        else if (!ApplicationStages.TryParse(request.Stage, out to) || !ApplicationStages.EmployerTargets.Contains(to))
        {
            errors.Add("stage", "企业可以设置的阶段：" + string.Join("、", ApplicationStages.EmployerTargets.Select(s => $"{s.Wire()}（{s.Label()}）")));
        }

        InterviewDraft? interview = null;
        if (request.Interview is { } draft)
        {
            if (errors.IsEmpty && to != ApplicationStage.InterviewInvited)
            {
                errors.Add("interview", "只有邀请面试时才填写面试安排");
            }
            else
            {
                interview = ValidateInterview(draft, errors);
            }
        }
        else if (errors.IsEmpty && to == ApplicationStage.InterviewInvited)
        {
            errors.Add("interview", "邀请面试请填写面试安排：时间，以及地点或线上链接");
        }

        var reason = Text(request.Reason, "reason", "原因", NoteMaxLength, errors);
        if (reason is not null && errors.IsEmpty && to != ApplicationStage.Rejected)
        {
            errors.Add("reason", "原因只用于「不合适」");
        }

        var message = Text(request.Message, "message", "留言", MessageMaxLength, errors);
        if (message is not null && errors.IsEmpty && to != ApplicationStage.Offered)
        {
            errors.Add("message", "留言只用于「录用」；面试留言请写在 interview.message");
        }

        return errors.IsEmpty ? new ValidMove(to, interview, reason ?? message, request.SkipInterview == true) : null;
    }

    private InterviewDraft? ValidateInterview(InterviewDraft draft, ValidationErrors errors)
    {
        var now = clock.GetUtcNow();
        if (draft.At is not { } at)
        {
            errors.Add("interview.at", "请填写面试时间（带时区，例如 2027-03-20T14:00:00+08:00）");
        }
        else if (at <= now)
        {
            errors.Add("interview.at", "面试时间应晚于现在");
        }
        else if (at > now.AddDays(_options.MaxInterviewDaysAhead))
        {
            errors.Add("interview.at", $"面试时间最多安排在 {_options.MaxInterviewDaysAhead} 天之内");
        }

        var place = Text(draft.Place, "interview.place", "面试地点", PlaceMaxLength, errors);
        var link = Text(draft.Link, "interview.link", "线上面试链接", LinkMaxLength, errors);
        if (link is not null && link.Length <= LinkMaxLength
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0))
        {
            errors.Add("interview.link", "线上面试链接应以 http:// 或 https:// 开头");
        }

        if (place is null && link is null)
        {
            errors.Add("interview.place", "请填写面试地点或线上面试链接");
        }

        var message = Text(draft.Message, "interview.message", "面试留言", MessageMaxLength, errors);
        return new InterviewDraft(draft.At, place, link, message);
    }

    /// <summary>Trimmed text, null when blank; a too-long value adds an error.</summary>
    private static string? Text(string? value, string field, string label, int maxLength, ValidationErrors errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (v.Length > maxLength)
        {
            errors.Add(field, $"{label}最多 {maxLength} 个字符");
        }

        return v;
    }

    private async Task<Dictionary<long, IReadOnlyList<ApplicationStageChange>>> HistoryAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = ids.Count == 0
            ? []
            : await db.ApplicationStageChanges.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var byApplication = rows.GroupBy(c => c.ApplicationId).ToDictionary(g => g.Key, g => (IReadOnlyList<ApplicationStageChange>)g.ToList());
        return ids.ToDictionary(id => id, id => byApplication.GetValueOrDefault(id) ?? []);
    }

    /// <summary>The application with posting and résumé; the résumé's contact data only when <paramref name="where"/> says where it goes out.</summary>
    private async Task<ApplicationDetail> DetailAsync(Actor actor, Loaded loaded, string? where, CancellationToken cancellationToken)
    {
        var application = loaded.Application;
        var history = await HistoryAsync([application.Id], cancellationToken);
        var posting = await db.Postings.AsNoTracking().SingleAsync(p => p.Id == application.PostingId, cancellationToken);
        var resume = await db.Resumes.AsNoTracking().SingleAsync(r => r.Id == application.ResumeId, cancellationToken);
        var isEmployer = PartyOf(actor, loaded) == Party.Employer;
        var view = ResumeAccess.IsOwner(actor, resume) ? ContactDisclosure.ForOwner(resume)
            : where is null ? disclosure.ForList(actor, resume, isEmployer)
            : await disclosure.RevealAsync(actor, resume, isEmployer, where, cancellationToken);
        return new ApplicationDetail(new ApplicationRecord(application, history[application.Id]), new PostingView(posting, loaded.EmployerName), view);
    }
}
