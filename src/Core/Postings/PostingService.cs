using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Postings;

/// <summary>Creates, changes and closes postings with the ownership rules; the HTTP endpoints and feed imports both call it.</summary>
public sealed class PostingService(JobsDbContext db, CityDirectory cities, TimeProvider clock, IEnumerable<IPostingChangeObserver> observers,
    CompliancePolicy compliance)
{
    /// <summary>How long a posting stays up when its author gives no expiry.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);

    /// <summary>The longest a posting may stay up.</summary>
    public static readonly TimeSpan MaxLifetime = PostingRules.MaxLifetime;

    public async Task<PostingView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var view = await (from p in db.Postings.AsNoTracking()
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          where p.Id == id
                          select new PostingView(p, e.Name)).SingleOrDefaultAsync(cancellationToken);
        return view is null ? null : (await WithComplianceAsync([view], cancellationToken))[0];
    }

    /// <summary>Adds the findings (and a reviewer's return reason) to the views of postings held for compliance review.</summary>
    internal async Task<List<PostingView>> WithComplianceAsync(List<PostingView> views, CancellationToken cancellationToken)
    {
        // Only held postings have anything to show; the public reads (never held) cost no query.
        var held = views.Where(v => v.Posting.Holds.HasFlag(PostingHolds.ComplianceReview)).Select(v => v.Posting.Id).ToList();
        if (held.Count == 0)
        {
            return views;
        }

        var findings = await ComplianceHolds.FindingsAsync(db, held, cancellationToken);
        var returned = await ComplianceHolds.ReturnedAsync(db, held, cancellationToken);
        return views.Select(v => v with
        {
            ComplianceFindings = findings.GetValueOrDefault(v.Posting.Id) ?? v.ComplianceFindings,
            ComplianceReturnedReason = returned.GetValueOrDefault(v.Posting.Id),
        }).ToList();
    }

    /// <summary>The posting if <paramref name="actor"/> may see it: a held posting only to those who may manage it.</summary>
    public async Task<PostingView?> GetVisibleAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var view = await GetAsync(id, cancellationToken);
        return view is null || CanSee(actor, view.Posting) ? view : null;
    }

    public static bool CanSee(Actor actor, Posting posting) => posting.Holds == PostingHolds.None || Deny(actor, posting) is null;

    public async Task<PagedResult<PostingView>> ListAsync(PostingListQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var postings = db.Postings.AsNoTracking();
        postings = query.Status switch
        {
            PostingListStatus.Open => postings.Where(p => p.Status == PostingStatus.Open && (p.ExpiresAt == null || p.ExpiresAt > now)),
            PostingListStatus.Closed => postings.Where(p => p.Status == PostingStatus.Closed),
            PostingListStatus.Expired => postings.Where(p => p.Status == PostingStatus.Open && p.ExpiresAt != null && p.ExpiresAt <= now),
            _ => postings,
        };
        if (!query.IncludeHeld)
        {
            postings = postings.Where(p => p.Holds == PostingHolds.None);
        }

        if (query.CityCodes.Count > 0)
        {
            postings = postings.Where(p => query.CityCodes.Contains(p.CityCode));
        }

        if (query.EmployerId is { } employerId)
        {
            postings = postings.Where(p => p.EmployerId == employerId);
        }

        var total = await postings.CountAsync(cancellationToken);
        var items = await (from p in postings.OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.PageSize)
                           join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                           select new PostingView(p, e.Name)).ToListAsync(cancellationToken);
        // The join can reorder rows on SQLite; restore the page order.
        items = items.OrderByDescending(v => v.Posting.PostedAt).ThenByDescending(v => v.Posting.Id).ToList();
        items = await WithComplianceAsync(items, cancellationToken);
        return new PagedResult<PostingView>(total, page.Page, page.PageSize, items);
    }

    public async Task<ServiceResult<PostingView>> CreateAsync(Actor actor, PostingDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        long employerId;
        if (actor.IsEmployer)
        {
            if (actor.EmployerId is not { } own)
            {
                return ServiceResult<PostingView>.Forbidden("该账号未关联企业");
            }

            if (draft.EmployerId is { } requested && requested != own)
            {
                return ServiceResult<PostingView>.Forbidden("企业账号只能为本企业发布职位");
            }

            employerId = own;
        }
        else if (actor.IsAdmin || actor.IsOrganiser)
        {
            if (draft.EmployerId is not { } requested)
            {
                errors.Add("employerId", "代企业发布职位时必须指定企业");
                employerId = 0;
            }
            else
            {
                employerId = requested;
            }
        }
        else
        {
            return ServiceResult<PostingView>.Forbidden("只有企业、组织方或管理员可以发布职位");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (valid, warnings) = Validate(draft, now, errors);
        Employer? employer = null;
        if (employerId != 0)
        {
            employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken);
            if (employer is null)
            {
                errors.Add("employerId", $"企业 {employerId} 不存在");
            }
        }

        if (!errors.IsEmpty || valid is null || employer is null)
        {
            return ServiceResult<PostingView>.Invalid(errors);
        }

        if (actor.IsOrganiser && !actor.ActsForCity(valid.CityCode))
        {
            return ServiceResult<PostingView>.Forbidden("组织方只能为本市发布职位");
        }

        var posting = valid.ToPosting();
        posting.EmployerId = employer.Id;
        // An unverified employer may prepare postings; they go public when it is verified.
        if (employer.Verification != VerificationStatus.Verified)
        {
            posting.Holds |= PostingHolds.EmployerUnverified;
        }

        posting.PostedAt = now;
        posting.UpdatedAt = now;
        posting.Holds = ComplianceHolds.Decide(posting.Holds, valid.HeldIssues, approved: null);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Postings.Add(posting);
            await db.SaveChangesAsync(cancellationToken);
            if (valid.HeldIssues.Count > 0)
            {
                await ComplianceHolds.ReplaceFindingsAsync(db, posting.Id, valid.HeldIssues, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            IndexChangeLog.Add(db, IndexChangeKind.Posting, posting.Id, now);
            await IndexChangeLog.SaveAsync(db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await NotifyAsync(posting.Id, cancellationToken);
        return ServiceResult<PostingView>.Created(new PostingView(posting, employer.Name) { Warnings = warnings, ComplianceFindings = valid.HeldIssues });
    }

    public async Task<ServiceResult<PostingView>> UpdateAsync(Actor actor, long id, PostingDraft draft, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<PostingView>.NotFound($"职位 {id} 不存在");
        }

        if (Deny(actor, posting) is { } denied)
        {
            return ServiceResult<PostingView>.Forbidden(denied);
        }

        if (draft.EmployerId is { } requested && requested != posting.EmployerId)
        {
            return ServiceResult<PostingView>.Invalid(ValidationErrors.Single("employerId", "职位不能转给其他企业"));
        }

        if (posting.Status == PostingStatus.Closed)
        {
            return ServiceResult<PostingView>.Conflict("职位已关闭，不能修改");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors();
        var (valid, warnings) = Validate(draft, now, errors);
        if (!errors.IsEmpty || valid is null)
        {
            return ServiceResult<PostingView>.Invalid(errors);
        }

        if (actor.IsOrganiser && !actor.ActsForCity(valid.CityCode))
        {
            return ServiceResult<PostingView>.Forbidden("组织方不能把职位移到其他城市");
        }

        valid.ApplyTo(posting);
        posting.UpdatedAt = now;
        var employerVerified = await db.Employers.Where(e => e.Id == posting.EmployerId)
            .Select(e => e.Verification == VerificationStatus.Verified).SingleAsync(cancellationToken);
        posting.Holds = employerVerified ? posting.Holds & ~PostingHolds.EmployerUnverified : posting.Holds | PostingHolds.EmployerUnverified;
        // Editing re-checks the text: the hold may be lifted, kept, or set for words an approval did not cover.
        await ComplianceHolds.RecheckAsync(db, posting, valid.HeldIssues, actor.UserId, now, cancellationToken);
        IndexChangeLog.Add(db, IndexChangeKind.Posting, posting.Id, now);
        await IndexChangeLog.SaveAsync(db, cancellationToken);
        await NotifyAsync(posting.Id, cancellationToken);
        var employerName = await db.Employers.Where(e => e.Id == posting.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        var view = new PostingView(posting, employerName) { Warnings = warnings };
        return ServiceResult<PostingView>.Ok((await WithComplianceAsync([view], cancellationToken))[0]);
    }

    /// <summary>Closes a posting; closing a closed one again changes nothing and succeeds.</summary>
    public async Task<ServiceResult<PostingView>> CloseAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var posting = await db.Postings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
        {
            return ServiceResult<PostingView>.NotFound($"职位 {id} 不存在");
        }

        if (Deny(actor, posting) is { } denied)
        {
            return ServiceResult<PostingView>.Forbidden(denied);
        }

        if (posting.Status != PostingStatus.Closed)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            posting.Status = PostingStatus.Closed;
            posting.ClosedAt = now;
            posting.UpdatedAt = now;
            IndexChangeLog.Add(db, IndexChangeKind.Posting, posting.Id, now);
            await IndexChangeLog.SaveAsync(db, cancellationToken);
            await NotifyAsync(posting.Id, cancellationToken);
        }

        var employerName = await db.Employers.Where(e => e.Id == posting.EmployerId).Select(e => e.Name).SingleAsync(cancellationToken);
        return ServiceResult<PostingView>.Ok(new PostingView(posting, employerName));
    }

    private async Task NotifyAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.PostingsChangedAsync([id], cancellationToken);
        }
    }

    /// <summary>Null when the actor may change the posting; otherwise why not.</summary>
    private static string? Deny(Actor actor, Posting posting)
    {
        if (actor.IsAdmin)
        {
            return null;
        }

        if (actor.IsEmployer)
        {
            return actor.EmployerId == posting.EmployerId ? null : "只能修改本企业的职位";
        }

        if (actor.IsOrganiser)
        {
            return actor.ActsForCity(posting.CityCode) ? null : "组织方只能管理本市的职位";
        }

        return "没有修改该职位的权限";
    }

    private (PostingValues? Fields, List<string> Warnings) Validate(PostingDraft d, DateTime now, ValidationErrors errors)
    {
        var warnings = new List<string>();
        var fields = PostingValues.Check(d.Fields, new PostingCheckContext(cities, now) { DefaultLifetime = DefaultLifetime, Compliance = compliance },
            errors.Add, (_, warning) => warnings.Add(warning));
        return (fields, warnings);
    }

    /// <summary>The posting rule for skills, which résumés share.</summary>
    internal static List<string> NormalizeSkills(IReadOnlyList<string>? input, ValidationErrors errors, string field = "skills") =>
        PostingValues.CheckSkills(input, field, errors.Add);
}
