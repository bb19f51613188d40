namespace Jobs.Core.Common;

/// <summary>1-based paging as every list endpoint takes it.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Deep offsets get expensive on SQLite; past this, clients narrow the filter (search offers a cursor).</summary>
    public const int MaxOffset = 10_000;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest Create(int? page, int? pageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "页码从 1 开始");
        }

        if (size < 1 || size > MaxPageSize)
        {
            errors.Add("pageSize", $"每页条数应在 1 到 {MaxPageSize} 之间");
        }

        if (p >= 1 && size is >= 1 and <= MaxPageSize && (long)(p - 1) * size > MaxOffset)
        {
            errors.Add("page", $"最多翻到第 {MaxOffset} 条，请缩小筛选范围");
        }

        return new PageRequest(Math.Max(p, 1), Math.Clamp(size, 1, MaxPageSize));
    }
}

public sealed record PagedResult<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);
