namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The Freedom to Speak Up guardian's pages. Their handlers need nothing registered beyond the mediator's own scan.</summary>
public static class SpeakUpModule
{
    public static WebApplicationBuilder AddFailingWellSpeakUp(this WebApplicationBuilder builder) => builder;
}
