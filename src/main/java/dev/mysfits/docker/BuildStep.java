package dev.mysfits.docker;

/** One Dockerfile instruction as the builder announces it: "Step 3/7 : RUN apt-get ...". */
public record BuildStep(int number, int total, String instruction) {
    @Override
    public String toString() {
        return "Step " + number + "/" + total + " : " + instruction;
    }

    /** The instruction shortened for an error line. */
    public String shortInstruction() {
        return instruction.length() <= 70 ? instruction : instruction.substring(0, 67) + "...";
    }
}
