using Jobs.Search.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jobs.Background.Nodes;

/// <summary>
/// Keeps this node's search indexes following the change log: looks every poll interval, and at once when another node's
/// Redis message nudges it (<see cref="RedisNodeEvents"/>). Starts applying once the platform's start-up has placed the
/// indexes in the log.
/// </summary>
internal sealed class ChangeLogFollower(ChangeLogCatchUp catchUp, ILogger<ChangeLogFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await catchUp.CatchUpAsync(stoppingToken);
                await catchUp.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database blip must not stop following; the next round starts from the same id.
                logger.LogError(e, "Following the change log failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
