using System.Globalization;
using InterviewBot.Chat.Discord;
using InterviewBot.Chat.Slack;
using Microsoft.Extensions.Configuration;

namespace InterviewBot.Chat.Playground;

/// <summary>Configuration section <c>Playground</c> (environment variable <c>Playground__Enabled</c>).</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Whether <c>serve</c> offers the local web playground at <c>/</c>. Unset (the default): on when neither
    /// Discord nor Slack is configured; true or false forces it.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the playground is on for this configuration. Throws <see cref="InvalidOperationException"/>
    /// naming the setting when <c>Playground:Enabled</c> is neither true, false nor empty.</summary>
    public static bool IsOn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var raw = configuration[$"{SectionName}:{nameof(Enabled)}"];
        if (!string.IsNullOrWhiteSpace(raw))
        {
            return bool.TryParse(raw.Trim(), out var forced) ? forced : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Playground:Enabled must be true, false or empty (empty: on when neither Discord nor Slack is configured), not '{raw}'"));
        }

        var discord = configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new DiscordOptions();
        var slack = configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() ?? new SlackOptions();
        return !DiscordOptionsValidator.IsConfigured(discord) && !SlackOptionsValidator.IsConfigured(slack);
    }
}
