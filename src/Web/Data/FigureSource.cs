using Jobs.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Jobs.Web.Data;

/// <summary>
/// Builds the figures of one statistics page from the same query string the page reads, so the export endpoint
/// (<c>/data/export/{source}.{csv|xlsx}?…&amp;figure=</c>) can rebuild exactly what the page showed for the same reader.
/// Registered in DI as <see cref="IFigureSource"/>; <see cref="Name"/> is the <c>{source}</c> segment.
/// </summary>
public interface IFigureSource
{
    string Name { get; }

    /// <returns>Null when the query is not valid for this source (the endpoint answers 400 with <paramref name="query"/>'s problem).</returns>
    Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken);
}

/// <param name="FileStem">The download's file name without extension, e.g. <c>供求-南京-2026Q3</c>.</param>
public sealed record FigureSet(string FileStem, IReadOnlyList<FigureTable> Figures);
