/** Media ports: probing a file, measuring its signals, detecting its moments and rendering clips. */
package dev.truss.application.port.media;
