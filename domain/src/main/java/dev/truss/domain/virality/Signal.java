package dev.truss.domain.virality;

/**
 * What a virality score is made of. Media signals come from the video itself; the
 * chat signal from a live stream; the judgement signals from an AI model, when one ran.
 */
public enum Signal {
    LOUDNESS_PEAKS,
    SPEECH_PACING,
    SCENE_CUT_RATE,
    MOTION,
    CHAT_INTENSITY,
    HOOK_STRENGTH,
    EMOTIONAL_INTENSITY
}
