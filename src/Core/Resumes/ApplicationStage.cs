namespace Jobs.Core.Resumes;

/// <summary>The application pipeline. Stored as integers: keep the numbers when adding a stage.</summary>
public enum ApplicationStage
{
    Submitted = 0,
    Viewed = 1,
    InterviewInvited = 2,
    Offered = 3,
    Rejected = 4,
    Withdrawn = 5,
}

/// <summary>Names of the stages on the wire and for people, and which moves the pipeline allows.</summary>
public static class ApplicationStages
{
    public static IReadOnlyList<ApplicationStage> All { get; } = Enum.GetValues<ApplicationStage>();

    /// <summary>The stages an employer may move an application to.</summary>
    public static IReadOnlyList<ApplicationStage> EmployerTargets { get; } =
        [ApplicationStage.Viewed, ApplicationStage.InterviewInvited, ApplicationStage.Offered, ApplicationStage.Rejected];

    public static string Wire(this ApplicationStage stage) => stage switch
    {
        ApplicationStage.Submitted => "submitted",
        ApplicationStage.Viewed => "viewed",
        ApplicationStage.InterviewInvited => "interviewInvited",
        ApplicationStage.Offered => "offered",
        ApplicationStage.Rejected => "rejected",
        ApplicationStage.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string Label(this ApplicationStage stage) => stage switch
    {
        ApplicationStage.Submitted => "已投递",
        ApplicationStage.Viewed => "已查看",
        ApplicationStage.InterviewInvited => "邀请面试",
        ApplicationStage.Offered => "录用",
        ApplicationStage.Rejected => "不合适",
        ApplicationStage.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Offered, rejected and withdrawn end the pipeline; nothing moves on from them.</summary>
    public static bool IsFinal(this ApplicationStage stage) =>
        stage is ApplicationStage.Offered or ApplicationStage.Rejected or ApplicationStage.Withdrawn;

    /// <summary>Accepts the wire name in any case, with <c>-</c> or <c>_</c>, or the Chinese label; never a bare number.</summary>
    public static bool TryParse(string? text, out ApplicationStage stage)
    {
        var key = text?.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var s in All)
        {
            if (string.Equals(key, s.Wire(), StringComparison.OrdinalIgnoreCase) || string.Equals(key, s.Label(), StringComparison.Ordinal))
            {
                stage = s;
                return true;
            }
        }

        stage = default;
        return false;
    }

    /// <summary>
    /// Why the move from <paramref name="from"/> to <paramref name="to"/> is not allowed, naming the current stage; null when it
    /// is. A second invitation while invited is allowed (another round, or a new time).
    /// </summary>
    public static string? RefusalFor(ApplicationStage from, ApplicationStage to, bool skipInterview)
    {
        var current = $"投递当前处于「{from.Label()}」阶段";
        if (from.IsFinal())
        {
            return $"{current}，已有最终结果，不能再变更";
        }

        return to switch
        {
            ApplicationStage.Submitted => $"{current}，不能退回「{ApplicationStage.Submitted.Label()}」",
            ApplicationStage.Viewed when from != ApplicationStage.Submitted => $"{current}，不能再标记为「{ApplicationStage.Viewed.Label()}」",
            ApplicationStage.Offered when from != ApplicationStage.InterviewInvited && !skipInterview =>
                $"{current}，尚未邀请面试，不能直接录用；确需跳过面试请设置 skipInterview: true",
            _ => null,
        };
    }
}
